package day06;

import grade.kit.ProcessWatch;
import grade.kit.ProgramLaunch;
import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Deadlines;
import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.Zh;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("day06/chat-client")
class ChatClientTest {
    /** The first datagram may wait for the client's JVM to start. */
    static final Duration FIRST = Duration.ofSeconds(10);
    static final String REFUSAL = ChatRoom.REFUSAL;
    /** A client that has its EXIT exits at once; one that missed it waits its 2 seconds out. */
    static final long EXIT_PROMPTLY_MILLIS = 1500;

    /** A learner client, `ChatClient 127.0.0.1 PORT`, whose server is a UDP socket of the test's. */
    private static final class Session implements AutoCloseable {
        final ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
        final ChatPeer server = new ChatPeer(Say.pick("the test's server", "测试的服务器"), this::state, this::running);
        final LearnerProgram client;

        Session() {
            this(UnaryOperator.identity());
        }

        /** {@code more} can add stdin to the client's builder. */
        Session(UnaryOperator<ProgramLaunch> more) {
            LearnerProgram started = null;
            try {
                started = watch.track(more.apply(clientOf(server.port())).start());
            } catch (RuntimeException | Error e) {
                server.close();
                watch.close();
                throw e;
            }
            client = started;
        }

        boolean running() {
            return client == null || client.isAlive();
        }

        String state() {
            if (client == null) {
                return "";
            }
            return (client.isAlive() ? Say.pick("Your client is still running.", "你的客户端还在运行。")
                    : Say.pick("Your client has exited.", "你的客户端已经退出了。")) + "\n" + client.describeOutput();
        }

        /** The next datagram the client sends must be {@code expected}. */
        void expectFromClient(String expected, String after, Duration wait) {
            byte[] got = server.poll(wait);
            if (got == null) {
                throw Expect.fail(after + Say.pick(", your client should send " + Text.show(expected) + " to the server, but nothing came"
                        + (client.isAlive() ? " within " + wait.toSeconds() + " s" : "") + ".\n", "，你的客户端应该向服务器发送 "
                        + Text.show(expected) + "，但" + (client.isAlive() ? "在 " + wait.toSeconds() + " s 内" : "") + "什么也没收到。\n")
                        + state());
            }
            if (!Arrays.equals(expected.getBytes(UTF_8), got)) {
                throw Expect.fail(after + Say.pick(", your client should send " + Text.show(expected) + " to the server, but it sent "
                        + Text.show(got) + ".\n", "，你的客户端应该向服务器发送 " + Text.show(expected) + "，但它发送的是 "
                        + Text.show(got) + "。\n") + state());
            }
        }

        void expectFromClient(String expected, String after) {
            expectFromClient(expected, after, ChatPeer.WAIT);
        }

        /** Sends a datagram to the client, at the address its last datagram came from. */
        void reply(String text) {
            server.send(server.lastSenderPort(), text);
        }

        /** Types the name and answers OK to `L NAME`. */
        void login(String name) {
            client.writeLine(name);
            expectFromClient("L " + name, typedName(name), FIRST);
            reply("OK");
        }

        /** Ends input, expects `E NAME`, answers EXIT and expects exit status 0. */
        void leaveAtEndOfInput(String name) {
            client.closeStdin();
            expectFromClient("E " + name, Say.pick("at the end of input", "输入结束时"));
            answerExit(name);
        }

        /** Answers `E NAME` with EXIT: the client stops waiting for it and exits 0, well before its 2 seconds are up. */
        void answerExit(String name) {
            long answered = System.nanoTime();
            reply("EXIT");
            expectExit(0, answeredExit(name));
            long took = (System.nanoTime() - answered) / 1_000_000;
            Expect.that(took < EXIT_PROMPTLY_MILLIS, Say.pick("your client exited " + took + " ms after `E " + name + "` was answered"
                    + " with EXIT: once EXIT has come it should stop waiting and exit (it waits at most 2 s only when no EXIT comes).\n",
                    "`E " + name + "` 得到 EXIT 回答之后 " + took + " ms 你的客户端才退出：收到 EXIT 就应该停止等待并退出"
                    + "（只有收不到 EXIT 时才最多等 2 s）。\n") + state());
        }

        ProgramResult expectExit(int status, String when) {
            return ChatClientTest.expectExit(client, status, when);
        }

        @Override
        public void close() {
            try {
                if (client != null) {
                    client.close();
                }
            } finally {
                server.close();
                watch.close();
            }
        }
    }

    private static ProgramLaunch clientOf(int port) {
        return LearnerProgram.of("day06.ChatClient").args("127.0.0.1", "" + port);
    }

    private static ProgramResult expectExit(LearnerProgram client, int status, String when) {
        ProgramResult r = awaitExit(client, Duration.ofSeconds(6), when);
        Expect.that(r.exitCode() == status, when + Say.pick(", your client should exit with status " + status + "; it exited with "
                + r.exitCode() + ".\n", "，你的客户端应该以状态 " + status + " 退出；它的退出状态是 " + r.exitCode() + "。\n") + r.describe());
        return r;
    }

    /** Waits for the client to exit, saying what it should have done when it does not. */
    private static ProgramResult awaitExit(LearnerProgram client, Duration timeout, String when) {
        try {
            return client.awaitExit(timeout);
        } catch (AssertionFailedError e) {
            throw Expect.fail(when + Say.pick(", your client should exit.\n", "，你的客户端应该退出。\n") + e.getMessage());
        }
    }

    /** Fails, as a wait for the client that ran out, unless the room got what it waited for. */
    private static void expectRequest(boolean got, String message) {
        if (!got) {
            throw Deadlines.ranOut(message);
        }
    }

    /** Waits until the room got {@code request}, for at most {@link #FIRST}, and no longer once the client has exited. */
    private static boolean awaitRequest(ChatRoom room, String request, LearnerProgram client) throws InterruptedException {
        long deadline = System.nanoTime() + Deadlines.cap(FIRST).toNanos();
        while (System.nanoTime() < deadline) {
            boolean wasRunning = client.isAlive();
            if (room.awaitRequest(request, Duration.ofMillis(200))) {
                return true;
            }
            if (!wasRunning) {
                return false;
            }
        }
        return false;
    }

    /** Waits for the client to print a line containing {@code text}. */
    private static void expectPrinted(LearnerProgram client, String text, String why) {
        try {
            client.awaitLine(text, ChatPeer.WAIT);
        } catch (AssertionFailedError e) {
            throw Expect.fail(why + Say.pick(", your client should print it: a line containing " + Text.show(text) + ".\n",
                    "，你的客户端应该把它输出：包含 " + Text.show(text) + " 的一行。\n") + e.getMessage());
        }
    }

    private static String typedName(String name) {
        return Say.pick("after the name " + name + " was typed", "输入名字 " + name + " 之后");
    }

    private static String typed(String text) {
        return Say.pick("after typing `" + text + "`", "输入 `" + text + "` 之后");
    }

    private static String answeredExit(String name) {
        return Say.pick("after `E " + name + "` was answered with EXIT", "`E " + name + "` 得到回答 EXIT 之后");
    }

    @Test
    @DisplayName("sends L NAME, then each line as C NAME TEXT; ## sends E NAME and it exits 0 on EXIT")
    @Zh("发送 L NAME，再把每一行作为 C NAME TEXT 发送；## 发送 E NAME，收到 EXIT 后以状态 0 退出")
    void chatAndLeave() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.client.writeLine("hello 世界");
            s.expectFromClient("C Tom hello 世界", Say.pick("after logging in as Tom and typing `hello 世界`", "以 Tom 登录并输入 `hello 世界` 之后"));
            s.client.writeLine("two  spaces, 管理员 and ## inside");
            s.expectFromClient("C Tom two  spaces, 管理员 and ## inside", typed("two  spaces, 管理员 and ## inside"));
            s.client.writeLine("##");
            s.expectFromClient("E Tom", typed("##"));
            s.answerExit("Tom");
        }
    }

    @Test
    @DisplayName("prints every datagram it receives at once, also while nothing is typed (two threads)")
    @Zh("收到的每个数据报都立即输出，没有任何输入时也一样（两个线程）")
    void printsWhileWaiting() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.reply("\nJerry : 你好 Tom");
            expectPrinted(s.client, "Jerry : 你好 Tom", Say.pick("the server sent \"\\nJerry : 你好 Tom\" while nothing was typed (receiving must not wait for input)", "服务器在没有任何输入时发送了 \"\\nJerry : 你好 Tom\"（接收不能等着输入）"));
            s.reply("\n欢迎 'Spike' 进入聊天室");
            expectPrinted(s.client, "欢迎 'Spike' 进入聊天室", Say.pick("the server sent \"\\n欢迎 'Spike' 进入聊天室\"", "服务器发送了 \"\\n欢迎 'Spike' 进入聊天室\""));
            s.client.writeLine("hi all");
            s.expectFromClient("C Tom hi all", typed("hi all"));
            s.reply("\n管理员 : 公告");
            expectPrinted(s.client, "管理员 : 公告", Say.pick("the server sent \"\\n管理员 : 公告\" after Tom's message", "服务器在 Tom 的消息之后发送了 \"\\n管理员 : 公告\""));
            s.reply("\nSpike 退出聊天室");
            expectPrinted(s.client, "Spike 退出聊天室", Say.pick("the server sent \"\\nSpike 退出聊天室\"", "服务器发送了 \"\\nSpike 退出聊天室\""));
            s.leaveAtEndOfInput("Tom");
        }
    }

    @Test
    @DisplayName("still prints what arrives after 3 seconds of silence (the 2 seconds allowed for OK are over)")
    @Zh("安静 3 秒之后收到的数据报也照样输出（等待 OK 的 2 秒限制已经过去）")
    void printsAfterSilence() throws InterruptedException {
        try (Session s = new Session()) {
            s.login("Tom");
            Thread.sleep(3000);
            s.reply("\nJerry : 还在吗");
            expectPrinted(s.client, "Jerry : 还在吗", Say.pick("the server sent \"\\nJerry : 还在吗\" after 3 s of silence (the 2 s wait for OK"
                    + " is only for logging in)", "服务器安静 3 s 之后发送了 \"\\nJerry : 还在吗\"（等待 OK 的 2 s 只用于登录）"));
            s.leaveAtEndOfInput("Tom");
        }
    }

    @Test
    @DisplayName("prints a refusal and asks for another name until the server says OK")
    @Zh("输出拒绝的文字，再要一个名字，直到服务器回答 OK")
    void refusedName() {
        try (Session s = new Session()) {
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", typedName("Tom"), FIRST);
            s.reply(REFUSAL);
            expectPrinted(s.client, REFUSAL, Say.pick("the server refused `L Tom` with " + Text.show(REFUSAL), "服务器用 " + Text.show(REFUSAL) + " 拒绝了 `L Tom`"));
            s.client.writeLine("Jerry");
            s.expectFromClient("L Jerry", Say.pick("after Tom was refused and Jerry was typed", "Tom 被拒绝、然后输入 Jerry 之后"));
            s.reply("OK");
            s.client.writeLine("I'm in");
            s.expectFromClient("C Jerry I'm in", Say.pick("after logging in as Jerry and typing `I'm in`", "以 Jerry 登录并输入 `I'm in` 之后"));
            s.leaveAtEndOfInput("Jerry");
        }
    }

    @Test
    @DisplayName("a blank name or one with a space is not sent: it asks again")
    @Zh("空白的名字或带空格的名字不发送：再问一次")
    void badNamesNotSent() {
        try (Session s = new Session()) {
            s.client.writeLine("");
            s.client.writeLine("   ");
            s.client.writeLine("Tom Lee");
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", Say.pick("after the names \"\", \"   \", \"Tom Lee\" and \"Tom\" were typed (only Tom may be sent: "
                    + "a blank name or one with a space is not sent)", "依次输入名字 \"\"、\"   \"、\"Tom Lee\" 和 \"Tom\" 之后"
                    + "（只能发送 Tom：空白的名字和带空格的名字都不发送）"), FIRST);
            s.reply("OK");
            s.client.writeLine("##");
            s.expectFromClient("E Tom", Say.pick("after logging in as Tom and typing `##`", "以 Tom 登录并输入 `##` 之后"));
            s.answerExit("Tom");
        }
    }

    @Test
    @DisplayName("end of input before a name was accepted: exit 0 without sending anything")
    @Zh("名字被接受之前输入就结束了：不发送任何东西，以状态 0 退出")
    void endBeforeName() {
        for (String input : new String[] {"", "   \n\nTom Lee\n"}) {
            try (Session s = new Session(b -> b.stdin(input))) {
                String when = Say.pick("with " + (input.isEmpty() ? "no input at all" : "only the input " + Text.show(input)),
                        input.isEmpty() ? "完全没有输入时" : "输入只有 " + Text.show(input) + " 时");
                s.expectExit(0, when);
                byte[] sent = s.server.poll(Duration.ofMillis(300));
                Expect.that(sent == null, when + Say.pick(", your client must send nothing; it sent ", "，你的客户端不能发送任何东西；它发送了 ")
                        + (sent == null ? "" : Text.show(sent)) + Say.pick(".\n", "。\n") + s.state());
            }
        }
    }

    @Test
    @DisplayName("waits for EXIT after E NAME, but at most 2 seconds, then exits 0")
    @Zh("E NAME 之后等待 EXIT，最多 2 秒，然后以状态 0 退出")
    void exitTimeout() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.client.closeStdin();
            s.expectFromClient("E Tom", Say.pick("at the end of input", "输入结束时"));
            long sent = System.nanoTime();
            s.client.handle().onExit().completeOnTimeout(null, 6, java.util.concurrent.TimeUnit.SECONDS).join();
            long waited = (System.nanoTime() - sent) / 1_000_000;
            Expect.that(!s.client.isAlive(), Say.pick("the server never answered `E Tom` with EXIT: your client should give up after 2 s and "
                    + "exit, but it was still running 6 s later.\n", "服务器一直没有用 EXIT 回答 `E Tom`：你的客户端应该在 2 s 后放弃并退出，"
                    + "但 6 s 之后它还在运行。\n") + s.state());
            Expect.that(waited >= 1000, Say.pick("your client exited " + waited + " ms after sending `E Tom`, without waiting for EXIT: it "
                    + "should wait for the server's EXIT (up to 2 s) before it exits.\n", "你的客户端发送 `E Tom` 之后 " + waited
                    + " ms 就退出了，没有等待 EXIT：它应该先等服务器的 EXIT（最多 2 s），再退出。\n") + s.state());
            s.expectExit(0, Say.pick("after waiting 2 s for an EXIT that never came", "等了 2 s 也没等到 EXIT 之后"));
        }
    }

    @Test
    @DisplayName("no answer to L within 2 seconds: `no answer from HOST:PORT` on stderr, exit 1")
    @Zh("L 在 2 秒内没有得到回答：在标准错误上输出 `no answer from HOST:PORT`，退出状态为 1")
    void noAnswer() {
        int closedPort = ChatPeer.freePort();
        try (Session silent = new Session();
             ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
             LearnerProgram nobody = watch.track(clientOf(closedPort).stdin("Tom\n").start())) {
            silent.client.writeLine("Tom");
            silent.expectFromClient("L Tom", typedName("Tom"), FIRST);
            ProgramResult r = awaitExit(silent.client, Duration.ofSeconds(8),
                    Say.pick("the server received `L Tom` and never answered: after 2 s", "服务器收到了 `L Tom`，一直没有回答：2 s 之后"));
            String message = "no answer from 127.0.0.1:" + silent.server.port();
            Expect.that(r.exitCode() == 1 && r.stderr().contains(message), Say.pick("the server received `L Tom` and never answered: your "
                    + "client should print `" + message + "` on stderr and exit with status 1.\n", "服务器收到了 `L Tom`，一直没有回答："
                    + "你的客户端应该在标准错误上输出 `" + message + "`，并以状态 1 退出。\n") + r.describe());

            ProgramResult r2 = awaitExit(nobody, Duration.ofSeconds(8), Say.pick("nothing listens at 127.0.0.1:" + closedPort
                    + ", so no answer comes to `L Tom`: after 2 s", "127.0.0.1:" + closedPort + " 上没有程序在监听，所以 `L Tom` 得不到回答："
                    + "2 s 之后"));
            String message2 = "no answer from 127.0.0.1:" + closedPort;
            Expect.that(r2.exitCode() == 1 && r2.stderr().contains(message2), Say.pick("nothing listens at 127.0.0.1:" + closedPort
                    + ": your client should print `" + message2 + "` on stderr and exit with status 1.\n", "127.0.0.1:" + closedPort
                    + " 上没有程序在监听：你的客户端应该在标准错误上输出 `" + message2 + "`，并以状态 1 退出。\n") + r2.describe());
        }
    }

    @Test
    @DisplayName("an OK that takes 1 second still logs in (the client waits up to 2 seconds)")
    @Zh("1 秒后才到的 OK 仍然能登录（客户端最多等 2 秒）")
    void slowAnswer() throws InterruptedException {
        try (Session s = new Session()) {
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", typedName("Tom"), FIRST);
            Thread.sleep(1000); // a slow server
            s.reply("OK");
            s.client.writeLine("made it");
            s.expectFromClient("C Tom made it", Say.pick("after an OK that came 1 s after `L Tom`, and `made it` was typed", "`L Tom` 之后 1 s 才收到 OK、然后输入 `made it` 之后"));
            s.leaveAtEndOfInput("Tom");
        }
    }

    @Test
    @DisplayName("two clients chat through the course's server: welcome, messages, admin lines, leaving")
    @Zh("两个客户端通过课上的服务器聊天：欢迎、消息、管理员消息、退出")
    void twoClients() throws InterruptedException {
        try (ChatRoom room = new ChatRoom();
             ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
             LearnerProgram tom = watch.track(clientOf(room.port()).start());
             LearnerProgram jerry = watch.track(clientOf(room.port()).start())) {
            tom.writeLine("Tom");
            expectRequest(awaitRequest(room, "L Tom", tom), Say.pick("the course's server never got `L Tom` from the client where Tom was typed.\n", "课上的服务器一直没有从输入 Tom 的客户端收到 `L Tom`。\n")
                    + tom.describeOutput());
            jerry.writeLine("Tom");
            expectPrinted(jerry, REFUSAL, Say.pick("the course's server refused a second Tom with " + Text.show(REFUSAL),
                    "课上的服务器用 " + Text.show(REFUSAL) + " 拒绝了第二个 Tom"));
            jerry.writeLine("Jerry");
            expectRequest(awaitRequest(room, "L Jerry", jerry), Say.pick("the course's server never got `L Jerry`.\n", "课上的服务器一直没有收到 `L Jerry`。\n") + jerry.describeOutput());
            expectPrinted(tom, "欢迎 'Jerry' 进入聊天室", Say.pick("Jerry logged in, so the server sent Tom \"\\n欢迎 'Jerry' 进入聊天室\"", "Jerry 登录了，所以服务器向 Tom 发送了 \"\\n欢迎 'Jerry' 进入聊天室\""));
            tom.writeLine("hello 你好");
            expectPrinted(jerry, "Tom : hello 你好", Say.pick("Tom typed `hello 你好`, so the server sent Jerry \"\\nTom : hello 你好\"", "Tom 输入了 `hello 你好`，所以服务器向 Jerry 发送了 \"\\nTom : hello 你好\""));
            room.admin("公告 notice");
            expectPrinted(tom, "管理员 : 公告 notice", Say.pick("the server's administrator sent \"\\n管理员 : 公告 notice\"", "服务器的管理员发送了 \"\\n管理员 : 公告 notice\""));
            expectPrinted(jerry, "管理员 : 公告 notice", Say.pick("the server's administrator sent \"\\n管理员 : 公告 notice\"", "服务器的管理员发送了 \"\\n管理员 : 公告 notice\""));
            jerry.writeLine("##");
            expectPrinted(tom, "Jerry 退出聊天室", Say.pick("Jerry typed `##`, so the server sent Tom \"\\nJerry 退出聊天室\"", "Jerry 输入了 `##`，所以服务器向 Tom 发送了 \"\\nJerry 退出聊天室\""));
            expectExit(jerry, 0, Say.pick("after Jerry typed `##` and the server answered EXIT", "Jerry 输入 `##`、服务器回答 EXIT 之后"));
            tom.closeStdin();
            expectExit(tom, 0, Say.pick("after Tom's input ended and the server answered EXIT", "Tom 的输入结束、服务器回答 EXIT 之后"));
            Expect.that(room.requests().contains("E Tom"), Say.pick("the course's server never got `E Tom` when Tom's input ended.\n", "Tom 的输入结束时，课上的服务器一直没有收到 `E Tom`。\n")
                    + tom.describeOutput());
        }
    }
}
