package day06;

import grade.kit.ProcessWatch;
import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.Zh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day06/chat-server")
class ChatServerTest {
    static final String REFUSAL_OF_THE_COURSE = "您的名字太受欢迎了";

    /** The learner's server on a free port, the test's clients, and every process to end afterwards. */
    private static final class Room implements AutoCloseable {
        final int port = ChatPeer.freePort();
        final ProcessWatch watch = new ProcessWatch(Duration.ofMillis(200));
        final List<ChatPeer> peers = new ArrayList<>();
        final LearnerProgram server;

        Room() {
            LearnerProgram started = null;
            try {
                started = watch.track(LearnerProgram.of("day06.ChatServer").args("" + port).start());
                started.awaitListening(port, LearnerProgram.LISTEN_DEADLINE);
            } catch (RuntimeException | Error e) {
                if (started != null) {
                    started.close();
                }
                watch.close();
                throw e;
            }
            server = started;
        }

        /** A client of the test's (not yet logged in). */
        ChatPeer peer(String label) {
            ChatPeer p = new ChatPeer(label, this::state, () -> server == null || server.isAlive());
            peers.add(p);
            return p;
        }

        /** A client that logs in as {@code name} and gets OK. */
        ChatPeer member(String name) {
            ChatPeer p = peer(name);
            send(p, "L " + name);
            p.expect("OK", Say.pick("after sending `L " + name + "`", "发送 `L " + name + "` 之后"));
            return p;
        }

        void send(ChatPeer from, String text) {
            from.send(port, text);
        }

        void send(ChatPeer from, byte[] data) {
            from.send(port, data);
        }

        String state() {
            return (server == null || server.isAlive() ? Say.pick("Your server is still running.", "你的服务器还在运行。")
                    : Say.pick("Your server has exited.", "你的服务器已经退出了。"))
                    + "\n" + (server == null ? "" : server.describeOutput());
        }

        @Override
        public void close() {
            peers.forEach(ChatPeer::close);
            try {
                server.close();
            } finally {
                watch.close();
            }
        }
    }

    private static String welcome(String name) {
        return "\n欢迎 '" + name + "' 进入聊天室";
    }

    private static String said(String name, String text) {
        return "\n" + name + " : " + text;
    }

    private static String left(String name) {
        return "\n" + name + " 退出聊天室";
    }

    /** The reply to a refused login: any text but OK (the course's is 您的名字太受欢迎了). */
    private static void expectRefusal(Room room, ChatPeer p, String request, String why) {
        room.send(p, request);
        byte[] got = p.next(Say.pick("after `" + Text.line(request) + "` (" + why + "), the client should be refused with a text",
                "发送 `" + Text.line(request) + "`（" + why + "）之后，这个客户端应该收到一段拒绝它的文字"));
        String text = new String(got, UTF_8);
        Expect.that(!text.equals("OK") && !text.isEmpty(), Say.pick("`" + Text.line(request) + "` must be refused (" + why
                + ") with a text such as " + Text.show(REFUSAL_OF_THE_COURSE) + ", but the server answered ",
                "`" + Text.line(request) + "` 必须被拒绝（" + why + "），回答一段像 " + Text.show(REFUSAL_OF_THE_COURSE)
                + " 这样的文字，但服务器的回答是 ") + Text.show(got));
    }

    private static String loggedIn(String name) {
        return Say.pick("after " + name + " logged in", name + " 登录之后");
    }

    private static String afterSending(String datagram) {
        return Say.pick("after `" + datagram + "`", "发送 `" + datagram + "` 之后");
    }

    @Test
    @DisplayName("L NAME is answered OK, and the members already in get \\n欢迎 'NAME' 进入聊天室 (the newcomer does not)")
    @Zh("L NAME 得到回答 OK，已经在聊天室里的成员收到 \\n欢迎 'NAME' 进入聊天室（新来的成员收不到）")
    void login() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), loggedIn("小明"));
            room.member("Spike");
            tom.expect(welcome("Spike"), loggedIn("Spike"));
            ming.expect(welcome("Spike"), Say.pick("after Spike logged in (小明 must not get a welcome of its own: the next thing it gets is this)", "Spike 登录之后（小明不应该收到欢迎自己的消息：它收到的下一条就是这个）"));
        }
    }

    @Test
    @DisplayName("C NAME TEXT goes to every other member as \\nNAME : TEXT, never back to its sender")
    @Zh("C NAME TEXT 以 \\nNAME : TEXT 发给其他每个成员，绝不发回给发送者")
    void chat() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), loggedIn("小明"));
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), loggedIn("Spike"));
            ming.expect(welcome("Spike"), loggedIn("Spike"));

            String text = "hello, 世界  with two spaces: C L E";
            room.send(tom, "C Tom " + text);
            ming.expect(said("Tom", text), afterSending("C Tom " + text));
            spike.expect(said("Tom", text), afterSending("C Tom " + text));

            room.send(ming, "C 小明 你好");
            tom.expect(said("小明", "你好"), Say.pick("after `C Tom ...` and then `C 小明 你好` (if Tom got its own message back, it shows here)", "先发送 `C Tom ...`，再发送 `C 小明 你好` 之后（如果 Tom 收到了自己发的消息，就会出现在这里）"));
            spike.expect(said("小明", "你好"), afterSending("C 小明 你好"));
            room.send(spike, "C Spike bye");
            tom.expect(said("Spike", "bye"), afterSending("C Spike bye"));
            ming.expect(said("Spike", "bye"), Say.pick("after `C 小明 你好` and then `C Spike bye` (if 小明 got its own message back, it shows here)", "先发送 `C 小明 你好`，再发送 `C Spike bye` 之后（如果小明收到了自己发的消息，就会出现在这里）"));
        }
    }

    @Test
    @DisplayName("a name already taken, containing 管理员, or blank is refused with a text, and nobody is told")
    @Zh("已被占用、含有“管理员”或只有空白的名字被拒绝，回答一段文字，不通知任何人")
    void refusals() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer other = room.peer(Say.pick("another client", "另一个客户端"));
            expectRefusal(room, other, "L Tom", Say.pick("Tom is already in the room", "Tom 已经在聊天室里了"));
            expectRefusal(room, other, "L 管理员", Say.pick("the name contains 管理员", "名字里有“管理员”"));
            expectRefusal(room, other, "L 大管理员2", Say.pick("the name contains 管理员", "名字里有“管理员”"));
            expectRefusal(room, other, "L    ", Say.pick("there is no name, only spaces", "没有名字，只有空格"));
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), Say.pick("after the refused logins and then Spike's (a refused name must not be welcomed)", "几次登录被拒绝、然后 Spike 登录之后（被拒绝的名字不能被欢迎）"));
            room.send(spike, "C Spike hi Tom");
            tom.expect(said("Spike", "hi Tom"), Say.pick("after `C Spike hi Tom` (Tom keeps its place: a refused `L Tom` from another client changes nothing)", "发送 `C Spike hi Tom` 之后（Tom 仍在聊天室里：另一个客户端的 `L Tom` 被拒绝，什么也没改变）"));
            Expect.that(other.poll(Duration.ofMillis(300)) == null, Say.pick("the refused client got a datagram although it never got into the room", "被拒绝的客户端从没进入聊天室，却收到了数据报"));
        }
    }

    @Test
    @DisplayName("NAME is the first word: `L Tom Lee` logs in Tom, and `E Tom now` takes him out")
    @Zh("NAME 是第一个单词：`L Tom Lee` 让 Tom 登录，`E Tom now` 让他退出")
    void firstWord() {
        try (Room room = new Room()) {
            ChatPeer jerry = room.member("Jerry");
            ChatPeer tom = room.peer(Say.pick("the client that sent `L Tom Lee`", "发送了 `L Tom Lee` 的客户端"));
            room.send(tom, "L Tom Lee");
            tom.expect("OK", afterSending("L Tom Lee"));
            jerry.expect(welcome("Tom"), Say.pick("after `L Tom Lee` (the name is the first word after L, as split(' ', 2) gives it)", "发送 `L Tom Lee` 之后（名字是 L 之后的第一个单词，就像 split(' ', 2) 得到的那样）"));
            expectRefusal(room, room.peer(Say.pick("another client", "另一个客户端")), "L Tom", Say.pick("`L Tom Lee` logged in Tom", "`L Tom Lee` 已经让 Tom 登录了"));
            room.send(tom, "C Tom hi there");
            jerry.expect(said("Tom", "hi there"), afterSending("C Tom hi there"));
            room.send(tom, "E Tom now");
            tom.expect("EXIT", Say.pick("after `E Tom now` (the name is the first word)", "发送 `E Tom now` 之后（名字是第一个单词）"));
            jerry.expect(left("Tom"), afterSending("E Tom now"));
        }
    }

    @Test
    @DisplayName("E NAME: NAME gets EXIT, the others \\nNAME 退出聊天室, and NAME is out of the room and free again")
    @Zh("E NAME：NAME 收到 EXIT，其他人收到 \\nNAME 退出聊天室，NAME 离开聊天室，这个名字又空出来了")
    void exit() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer jerry = room.member("Jerry");
            tom.expect(welcome("Jerry"), loggedIn("Jerry"));
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), loggedIn("Spike"));
            jerry.expect(welcome("Spike"), loggedIn("Spike"));

            room.send(tom, "E Tom");
            tom.expect("EXIT", afterSending("E Tom"));
            jerry.expect(left("Tom"), afterSending("E Tom"));
            spike.expect(left("Tom"), afterSending("E Tom"));

            room.send(jerry, "C Jerry still here");
            spike.expect(said("Jerry", "still here"), afterSending("C Jerry still here"));
            room.send(tom, "L Tom");
            tom.expect("OK", Say.pick("after `E Tom`, `C Jerry still here` and then `L Tom` from Tom again (Tom left, so he must not get "
                    + "Jerry's message, and his name is free)", "依次发送 `E Tom`、`C Jerry still here`，再由 Tom 发送 `L Tom` 之后"
                    + "（Tom 已经离开，所以他不应该收到 Jerry 的消息，他的名字也空出来了）"));
            jerry.expect(welcome("Tom"), Say.pick("after Tom logged in again", "Tom 再次登录之后"));
            spike.expect(welcome("Tom"), Say.pick("after Tom logged in again", "Tom 再次登录之后"));
        }
    }

    @Test
    @DisplayName("each line typed on the server's stdin goes to every member as \\n管理员 : LINE; the server keeps serving after stdin ends")
    @Zh("在服务器的标准输入上输入的每一行，以 \\n管理员 : LINE 发给每个成员；标准输入结束后服务器继续服务")
    void admin() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), loggedIn("小明"));

            room.server.writeLine("大家好, welcome to the room");
            tom.expect("\n管理员 : 大家好, welcome to the room", adminLine("大家好, welcome to the room"));
            ming.expect("\n管理员 : 大家好, welcome to the room", adminLine("大家好, welcome to the room"));
            room.server.writeLine("second notice");
            tom.expect("\n管理员 : second notice", adminLine("second notice"));
            ming.expect("\n管理员 : second notice", adminLine("second notice"));

            room.server.closeStdin();
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), Say.pick("after the server's stdin ended (the server must keep serving) and Spike logged in", "服务器的标准输入结束（服务器必须继续服务）、然后 Spike 登录之后"));
            ming.expect(welcome("Spike"), loggedIn("Spike"));
            room.send(spike, "C Spike still open?");
            tom.expect(said("Spike", "still open?"), Say.pick("after the server's stdin ended and then `C Spike still open?`", "服务器的标准输入结束、然后发送 `C Spike still open?` 之后"));
            Expect.that(room.server.isAlive(), Say.pick("the server must keep running after its stdin ends.\n", "标准输入结束之后，服务器必须继续运行。\n")
                    + room.state());
        }
    }

    @Test
    @DisplayName("malformed datagrams are ignored (unknown type, missing fields, not UTF-8, C or E for a non-member) and the server keeps serving")
    @Zh("忽略格式错误的数据报（未知类型、缺少字段、不是 UTF-8、非成员的 C 或 E），服务器继续服务")
    void malformed() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer jerry = room.member("Jerry");
            tom.expect(welcome("Jerry"), loggedIn("Jerry"));

            ChatPeer bad = room.peer(Say.pick("the client sending malformed datagrams", "发送格式错误的数据报的客户端"));
            List<byte[]> datagrams = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            for (String s : List.of("Hello", "L", "C", "E", "", "X Tom hi", "l Bob", "C Tom", "C Ghost boo",
                    "E Ghost", "C 管理员 假公告", "E 管理员")) {
                datagrams.add(s.getBytes(UTF_8));
                shown.add(Text.show(s));
            }
            byte[][] notUtf8 = {
                {'L', ' ', (byte) 0xff, (byte) 0xfe},
                {'C', ' ', 'T', 'o', 'm', ' ', (byte) 0xe4, (byte) 0xbd},
                {(byte) 0xc0, (byte) 0x80},
            };
            for (byte[] b : notUtf8) {
                datagrams.add(b);
                shown.add(Say.pick("the bytes ", "字节 ") + Text.hex(b, 16));
            }
            // After each one, Tom chats: Jerry must get exactly that (the server still serves and broadcast
            // nothing for the malformed datagram), and the sender of the malformed one must have got no answer.
            for (int i = 0; i < datagrams.size(); i++) {
                room.send(bad, datagrams.get(i));
                String probe = "probe " + (i + 1);
                room.send(tom, "C Tom " + probe);
                jerry.expect(said("Tom", probe), Say.pick("after the malformed datagram " + shown.get(i) + " and then `C Tom " + probe + "`",
                        "先发送格式错误的数据报 " + shown.get(i) + "，再发送 `C Tom " + probe + "` 之后"));
                byte[] answer = bad.poll(Duration.ofMillis(50));
                Expect.that(answer == null, Say.pick("the server answered the malformed datagram " + shown.get(i) + " with "
                        + (answer == null ? "" : Text.show(answer)) + "; it must ignore such a datagram (no answer, no broadcast)",
                        "服务器对格式错误的数据报 " + shown.get(i) + " 回答了 " + (answer == null ? "" : Text.show(answer))
                        + "；它必须忽略这样的数据报（不回答，也不广播）"));
            }
            String sent = Say.pick("after the malformed datagrams " + String.join(", ", shown), "先发送格式错误的数据报 " + String.join("、", shown));
            room.send(bad, "L Xavier");
            bad.expect("OK", sent + Say.pick(" and then `L Xavier` from the same client (the malformed ones get no answer at all)",
                    "，再由同一个客户端发送 `L Xavier` 之后（格式错误的数据报根本得不到回答）"));
            tom.expect(welcome("Xavier"), sent + Say.pick(" and then `L Xavier`", "，再发送 `L Xavier` 之后"));
            Expect.that(room.server.isAlive(), Say.pick("the server must keep running after malformed datagrams.\n",
                    "收到格式错误的数据报之后，服务器必须继续运行。\n") + room.state());
        }
    }

    @Test
    @DisplayName("eight clients at once: each gets the seven others' messages and none of its own")
    @Zh("八个客户端同时发送：每个都收到其他七个的消息，收不到自己的")
    void manyClients() throws Exception {
        try (Room room = new Room()) {
            List<String> names = List.of("Tom", "Jerry", "Spike", "小明", "小红", "Anna", "李雷", "韩梅梅");
            List<ChatPeer> members = new ArrayList<>();
            for (String name : names) {
                ChatPeer p = room.member(name);
                for (ChatPeer earlier : members) {
                    earlier.expect(welcome(name), loggedIn(name));
                }
                members.add(p);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> senders = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ChatPeer p = members.get(i);
                String name = names.get(i);
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        room.send(p, "C " + name + " message from " + name);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                senders.add(t);
            }
            go.countDown();
            for (Thread t : senders) {
                t.join(5000);
            }
            for (int i = 0; i < names.size(); i++) {
                Set<String> expected = new HashSet<>();
                for (String other : names) {
                    if (!other.equals(names.get(i))) {
                        expected.add(said(other, "message from " + other));
                    }
                }
                Set<String> got = new HashSet<>();
                for (int k = 0; k < names.size() - 1; k++) {
                    String text = new String(members.get(i).next(Say.pick("after all eight members sent a message at once, "
                            + names.get(i) + " should receive the 7 messages of the others; it got " + got.size(),
                            "八个成员同时各发送一条消息之后，" + names.get(i) + " 应该收到其他人的 7 条消息；它收到了 " + got.size() + " 条")), UTF_8);
                    Expect.that(!text.equals(said(names.get(i), "message from " + names.get(i))), names.get(i)
                            + Say.pick(" received its own message back: " + Text.show(text) + ". A member's message goes to everyone but itself.",
                            " 收到了自己发的消息：" + Text.show(text) + "。成员的消息发给除它自己以外的所有人。"));
                    Expect.that(expected.contains(text), names.get(i) + Say.pick(" received " + Text.show(text)
                            + ", which is none of the messages the other members sent (each should get \\nNAME : TEXT once)",
                            " 收到了 " + Text.show(text) + "，它不是其他成员发送的任何一条消息（每条都应该以 \\nNAME : TEXT 的形式收到一次）"));
                    Expect.that(got.add(text), names.get(i) + Say.pick(" received " + Text.show(text) + " twice", " 收到了两次 " + Text.show(text)));
                }
            }
            Expect.that(room.server.isAlive(), Say.pick("the server must keep running.\n", "服务器必须继续运行。\n") + room.state());
        }
    }

    private static String adminLine(String line) {
        return Say.pick("after the line `" + line + "` on the server's stdin", "在服务器的标准输入上输入 `" + line + "` 这一行之后");
    }
}
