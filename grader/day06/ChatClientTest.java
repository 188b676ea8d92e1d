package day06;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Text;
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

    /** A learner client, `ChatClient 127.0.0.1 PORT`, whose server is a UDP socket of the test's. */
    private static final class Session implements AutoCloseable {
        final ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
        final ChatPeer server = new ChatPeer("the test's server", this::state, this::running);
        final LearnerProgram client;

        Session() {
            this(UnaryOperator.identity());
        }

        /** {@code more} can add stdin to the client's builder. */
        Session(UnaryOperator<LearnerProgram.Builder> more) {
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
            return (client.isAlive() ? "Your client is still running." : "Your client has exited.") + "\n" + client.describeOutput();
        }

        /** The next datagram the client sends must be {@code expected}. */
        void expectFromClient(String expected, String after, Duration wait) {
            byte[] got = server.poll(wait);
            if (got == null) {
                throw Expect.fail(after + ", your client should send " + Text.show(expected) + " to the server, but nothing came"
                        + (client.isAlive() ? " within " + wait.toSeconds() + " s" : "") + ".\n" + state());
            }
            if (!Arrays.equals(expected.getBytes(UTF_8), got)) {
                throw Expect.fail(after + ", your client should send " + Text.show(expected) + " to the server, but it sent "
                        + Text.show(got) + ".\n" + state());
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
            expectFromClient("L " + name, "after the name " + name + " was typed", FIRST);
            reply("OK");
        }

        /** Ends input, expects `E NAME`, answers EXIT and expects exit status 0. */
        void leaveAtEndOfInput(String name) {
            client.closeStdin();
            expectFromClient("E " + name, "at the end of input");
            reply("EXIT");
            expectExit(0, "after `E " + name + "` was answered with EXIT");
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

    private static LearnerProgram.Builder clientOf(int port) {
        return LearnerProgram.of("day06.ChatClient").args("127.0.0.1", "" + port);
    }

    private static ProgramResult expectExit(LearnerProgram client, int status, String when) {
        ProgramResult r = awaitExit(client, Duration.ofSeconds(6), when);
        Expect.that(r.exitCode() == status, when + ", your client should exit with status " + status + "; it exited with "
                + r.exitCode() + ".\n" + r.describe());
        return r;
    }

    /** Waits for the client to exit, saying what it should have done when it does not. */
    private static ProgramResult awaitExit(LearnerProgram client, Duration timeout, String when) {
        try {
            return client.awaitExit(timeout);
        } catch (AssertionFailedError e) {
            throw Expect.fail(when + ", your client should exit.\n" + e.getMessage());
        }
    }

    /** Waits until the room got {@code request}, for at most {@link #FIRST}, and no longer once the client has exited. */
    private static boolean awaitRequest(ChatRoom room, String request, LearnerProgram client) throws InterruptedException {
        long deadline = System.nanoTime() + FIRST.toNanos();
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
            throw Expect.fail(why + ", your client should print it: a line containing " + Text.show(text) + ".\n" + e.getMessage());
        }
    }

    @Test
    @DisplayName("sends L NAME, then each line as C NAME TEXT; ## sends E NAME and it exits 0 on EXIT")
    void chatAndLeave() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.client.writeLine("hello 世界");
            s.expectFromClient("C Tom hello 世界", "after logging in as Tom and typing `hello 世界`");
            s.client.writeLine("two  spaces, 管理员 and ## inside");
            s.expectFromClient("C Tom two  spaces, 管理员 and ## inside", "after typing `two  spaces, 管理员 and ## inside`");
            s.client.writeLine("##");
            s.expectFromClient("E Tom", "after typing `##`");
            s.reply("EXIT");
            s.expectExit(0, "after `E Tom` was answered with EXIT");
        }
    }

    @Test
    @DisplayName("prints every datagram it receives at once, also while nothing is typed (two threads)")
    void printsWhileWaiting() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.reply("\nJerry : 你好 Tom");
            expectPrinted(s.client, "Jerry : 你好 Tom", "the server sent \"\\nJerry : 你好 Tom\" while nothing was typed (receiving must not wait for input)");
            s.reply("\n欢迎 'Spike' 进入聊天室");
            expectPrinted(s.client, "欢迎 'Spike' 进入聊天室", "the server sent \"\\n欢迎 'Spike' 进入聊天室\"");
            s.client.writeLine("hi all");
            s.expectFromClient("C Tom hi all", "after typing `hi all`");
            s.reply("\n管理员 : 公告");
            expectPrinted(s.client, "管理员 : 公告", "the server sent \"\\n管理员 : 公告\" after Tom's message");
            s.reply("\nSpike 退出聊天室");
            expectPrinted(s.client, "Spike 退出聊天室", "the server sent \"\\nSpike 退出聊天室\"");
            s.leaveAtEndOfInput("Tom");
        }
    }

    @Test
    @DisplayName("prints a refusal and asks for another name until the server says OK")
    void refusedName() {
        try (Session s = new Session()) {
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", "after the name Tom was typed", FIRST);
            s.reply(REFUSAL);
            expectPrinted(s.client, REFUSAL, "the server refused `L Tom` with " + Text.show(REFUSAL));
            s.client.writeLine("Jerry");
            s.expectFromClient("L Jerry", "after Tom was refused and Jerry was typed");
            s.reply("OK");
            s.client.writeLine("I'm in");
            s.expectFromClient("C Jerry I'm in", "after logging in as Jerry and typing `I'm in`");
            s.leaveAtEndOfInput("Jerry");
        }
    }

    @Test
    @DisplayName("a blank name or one with a space is not sent: it asks again")
    void badNamesNotSent() {
        try (Session s = new Session()) {
            s.client.writeLine("");
            s.client.writeLine("   ");
            s.client.writeLine("Tom Lee");
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", "after the names \"\", \"   \", \"Tom Lee\" and \"Tom\" were typed (only Tom may be sent: "
                    + "a blank name or one with a space is not sent)", FIRST);
            s.reply("OK");
            s.client.writeLine("##");
            s.expectFromClient("E Tom", "after logging in as Tom and typing `##`");
            s.reply("EXIT");
            s.expectExit(0, "after `E Tom` was answered with EXIT");
        }
    }

    @Test
    @DisplayName("end of input before a name was accepted: exit 0 without sending anything")
    void endBeforeName() {
        for (String input : new String[] {"", "   \n\nTom Lee\n"}) {
            try (Session s = new Session(b -> b.stdin(input))) {
                String when = "with " + (input.isEmpty() ? "no input at all" : "only the input " + Text.show(input));
                s.expectExit(0, when);
                byte[] sent = s.server.poll(Duration.ofMillis(300));
                Expect.that(sent == null, when + ", your client must send nothing; it sent " + (sent == null ? "" : Text.show(sent))
                        + ".\n" + s.state());
            }
        }
    }

    @Test
    @DisplayName("waits for EXIT after E NAME, but at most 2 seconds, then exits 0")
    void exitTimeout() {
        try (Session s = new Session()) {
            s.login("Tom");
            s.client.closeStdin();
            s.expectFromClient("E Tom", "at the end of input");
            long sent = System.nanoTime();
            s.client.handle().onExit().completeOnTimeout(null, 6, java.util.concurrent.TimeUnit.SECONDS).join();
            long waited = (System.nanoTime() - sent) / 1_000_000;
            Expect.that(!s.client.isAlive(), "the server never answered `E Tom` with EXIT: your client should give up after 2 s and "
                    + "exit, but it was still running 6 s later.\n" + s.state());
            Expect.that(waited >= 1000, "your client exited " + waited + " ms after sending `E Tom`, without waiting for EXIT: it "
                    + "should wait for the server's EXIT (up to 2 s) before it exits.\n" + s.state());
            s.expectExit(0, "after waiting 2 s for an EXIT that never came");
        }
    }

    @Test
    @DisplayName("no answer to L within 2 seconds: `no answer from HOST:PORT` on stderr, exit 1")
    void noAnswer() {
        int closedPort = ChatPeer.freePort();
        try (Session silent = new Session();
             ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
             LearnerProgram nobody = watch.track(clientOf(closedPort).stdin("Tom\n").start())) {
            silent.client.writeLine("Tom");
            silent.expectFromClient("L Tom", "after the name Tom was typed", FIRST);
            ProgramResult r = awaitExit(silent.client, Duration.ofSeconds(8),
                    "the server received `L Tom` and never answered: after 2 s");
            String message = "no answer from 127.0.0.1:" + silent.server.port();
            Expect.that(r.exitCode() == 1 && r.stderr().contains(message), "the server received `L Tom` and never answered: your "
                    + "client should print `" + message + "` on stderr and exit with status 1.\n" + r.describe());

            ProgramResult r2 = awaitExit(nobody, Duration.ofSeconds(8),
                    "nothing listens at 127.0.0.1:" + closedPort + ", so no answer comes to `L Tom`: after 2 s");
            String message2 = "no answer from 127.0.0.1:" + closedPort;
            Expect.that(r2.exitCode() == 1 && r2.stderr().contains(message2), "nothing listens at 127.0.0.1:" + closedPort
                    + ": your client should print `" + message2 + "` on stderr and exit with status 1.\n" + r2.describe());
        }
    }

    @Test
    @DisplayName("an OK that takes 1 second still logs in (the client waits up to 2 seconds)")
    void slowAnswer() throws InterruptedException {
        try (Session s = new Session()) {
            s.client.writeLine("Tom");
            s.expectFromClient("L Tom", "after the name Tom was typed", FIRST);
            Thread.sleep(1000); // a slow server
            s.reply("OK");
            s.client.writeLine("made it");
            s.expectFromClient("C Tom made it", "after an OK that came 1 s after `L Tom`, and `made it` was typed");
            s.leaveAtEndOfInput("Tom");
        }
    }

    @Test
    @DisplayName("two clients chat through the course's server: welcome, messages, admin lines, leaving")
    void twoClients() throws InterruptedException {
        try (ChatRoom room = new ChatRoom();
             ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
             LearnerProgram tom = watch.track(clientOf(room.port()).start());
             LearnerProgram jerry = watch.track(clientOf(room.port()).start())) {
            tom.writeLine("Tom");
            Expect.that(awaitRequest(room, "L Tom", tom), "the course's server never got `L Tom` from the client where Tom was typed.\n"
                    + tom.describeOutput());
            jerry.writeLine("Tom");
            expectPrinted(jerry, REFUSAL, "the course's server refused a second Tom with " + Text.show(REFUSAL));
            jerry.writeLine("Jerry");
            Expect.that(awaitRequest(room, "L Jerry", jerry), "the course's server never got `L Jerry`.\n" + jerry.describeOutput());
            expectPrinted(tom, "欢迎 'Jerry' 进入聊天室", "Jerry logged in, so the server sent Tom \"\\n欢迎 'Jerry' 进入聊天室\"");
            tom.writeLine("hello 你好");
            expectPrinted(jerry, "Tom : hello 你好", "Tom typed `hello 你好`, so the server sent Jerry \"\\nTom : hello 你好\"");
            room.admin("公告 notice");
            expectPrinted(tom, "管理员 : 公告 notice", "the server's administrator sent \"\\n管理员 : 公告 notice\"");
            expectPrinted(jerry, "管理员 : 公告 notice", "the server's administrator sent \"\\n管理员 : 公告 notice\"");
            jerry.writeLine("##");
            expectPrinted(tom, "Jerry 退出聊天室", "Jerry typed `##`, so the server sent Tom \"\\nJerry 退出聊天室\"");
            expectExit(jerry, 0, "after Jerry typed `##` and the server answered EXIT");
            tom.closeStdin();
            expectExit(tom, 0, "after Tom's input ended and the server answered EXIT");
            Expect.that(room.requests().contains("E Tom"), "the course's server never got `E Tom` when Tom's input ended.\n"
                    + tom.describeOutput());
        }
    }
}
