package day06;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Text;
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
            p.expect("OK", "after sending `L " + name + "`");
            return p;
        }

        void send(ChatPeer from, String text) {
            from.send(port, text);
        }

        void send(ChatPeer from, byte[] data) {
            from.send(port, data);
        }

        String state() {
            return (server == null || server.isAlive() ? "Your server is still running." : "Your server has exited.")
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
        byte[] got = p.next("after `" + Text.line(request) + "` (" + why + "), the client should be refused with a text");
        String text = new String(got, UTF_8);
        Expect.that(!text.equals("OK") && !text.isEmpty(), "`" + Text.line(request) + "` must be refused (" + why
                + ") with a text such as " + Text.show(REFUSAL_OF_THE_COURSE) + ", but the server answered " + Text.show(got));
    }

    @Test
    @DisplayName("L NAME is answered OK, and the members already in get \\n欢迎 'NAME' 进入聊天室 (the newcomer does not)")
    void login() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), "after 小明 logged in");
            room.member("Spike");
            tom.expect(welcome("Spike"), "after Spike logged in");
            ming.expect(welcome("Spike"), "after Spike logged in (小明 must not get a welcome of its own: the next thing it gets is this)");
        }
    }

    @Test
    @DisplayName("C NAME TEXT goes to every other member as \\nNAME : TEXT, never back to its sender")
    void chat() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), "after 小明 logged in");
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), "after Spike logged in");
            ming.expect(welcome("Spike"), "after Spike logged in");

            String text = "hello, 世界  with two spaces: C L E";
            room.send(tom, "C Tom " + text);
            ming.expect(said("Tom", text), "after `C Tom " + text + "`");
            spike.expect(said("Tom", text), "after `C Tom " + text + "`");

            room.send(ming, "C 小明 你好");
            tom.expect(said("小明", "你好"), "after `C Tom ...` and then `C 小明 你好` (if Tom got its own message back, it shows here)");
            spike.expect(said("小明", "你好"), "after `C 小明 你好`");
            room.send(spike, "C Spike bye");
            tom.expect(said("Spike", "bye"), "after `C Spike bye`");
            ming.expect(said("Spike", "bye"), "after `C 小明 你好` and then `C Spike bye` (if 小明 got its own message back, it shows here)");
        }
    }

    @Test
    @DisplayName("a name already taken, containing 管理员, or blank is refused with a text, and nobody is told")
    void refusals() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer other = room.peer("another client");
            expectRefusal(room, other, "L Tom", "Tom is already in the room");
            expectRefusal(room, other, "L 管理员", "the name contains 管理员");
            expectRefusal(room, other, "L 大管理员2", "the name contains 管理员");
            expectRefusal(room, other, "L    ", "there is no name, only spaces");
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), "after the refused logins and then Spike's (a refused name must not be welcomed)");
            room.send(spike, "C Spike hi Tom");
            tom.expect(said("Spike", "hi Tom"), "after `C Spike hi Tom` (Tom keeps its place: a refused `L Tom` from another client changes nothing)");
            Expect.that(other.poll(Duration.ofMillis(300)) == null, "the refused client got a datagram although it never got into the room");
        }
    }

    @Test
    @DisplayName("NAME is the first word: `L Tom Lee` logs in Tom, and `E Tom now` takes him out")
    void firstWord() {
        try (Room room = new Room()) {
            ChatPeer jerry = room.member("Jerry");
            ChatPeer tom = room.peer("the client that sent `L Tom Lee`");
            room.send(tom, "L Tom Lee");
            tom.expect("OK", "after `L Tom Lee`");
            jerry.expect(welcome("Tom"), "after `L Tom Lee` (the name is the first word after L, as split(' ', 2) gives it)");
            expectRefusal(room, room.peer("another client"), "L Tom", "`L Tom Lee` logged in Tom");
            room.send(tom, "C Tom hi there");
            jerry.expect(said("Tom", "hi there"), "after `C Tom hi there`");
            room.send(tom, "E Tom now");
            tom.expect("EXIT", "after `E Tom now` (the name is the first word)");
            jerry.expect(left("Tom"), "after `E Tom now`");
        }
    }

    @Test
    @DisplayName("E NAME: NAME gets EXIT, the others \\nNAME 退出聊天室, and NAME is out of the room and free again")
    void exit() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer jerry = room.member("Jerry");
            tom.expect(welcome("Jerry"), "after Jerry logged in");
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), "after Spike logged in");
            jerry.expect(welcome("Spike"), "after Spike logged in");

            room.send(tom, "E Tom");
            tom.expect("EXIT", "after `E Tom`");
            jerry.expect(left("Tom"), "after `E Tom`");
            spike.expect(left("Tom"), "after `E Tom`");

            room.send(jerry, "C Jerry still here");
            spike.expect(said("Jerry", "still here"), "after `C Jerry still here`");
            room.send(tom, "L Tom");
            tom.expect("OK", "after `E Tom`, `C Jerry still here` and then `L Tom` from Tom again (Tom left, so he must not get "
                    + "Jerry's message, and his name is free)");
            jerry.expect(welcome("Tom"), "after Tom logged in again");
            spike.expect(welcome("Tom"), "after Tom logged in again");
        }
    }

    @Test
    @DisplayName("each line typed on the server's stdin goes to every member as \\n管理员 : LINE; the server keeps serving after stdin ends")
    void admin() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer ming = room.member("小明");
            tom.expect(welcome("小明"), "after 小明 logged in");

            room.server.writeLine("大家好, welcome to the room");
            tom.expect("\n管理员 : 大家好, welcome to the room", "after the line `大家好, welcome to the room` on the server's stdin");
            ming.expect("\n管理员 : 大家好, welcome to the room", "after the line `大家好, welcome to the room` on the server's stdin");
            room.server.writeLine("second notice");
            tom.expect("\n管理员 : second notice", "after the line `second notice` on the server's stdin");
            ming.expect("\n管理员 : second notice", "after the line `second notice` on the server's stdin");

            room.server.closeStdin();
            ChatPeer spike = room.member("Spike");
            tom.expect(welcome("Spike"), "after the server's stdin ended (the server must keep serving) and Spike logged in");
            ming.expect(welcome("Spike"), "after Spike logged in");
            room.send(spike, "C Spike still open?");
            tom.expect(said("Spike", "still open?"), "after the server's stdin ended and then `C Spike still open?`");
            Expect.that(room.server.isAlive(), "the server must keep running after its stdin ends.\n" + room.state());
        }
    }

    @Test
    @DisplayName("malformed datagrams are ignored (unknown type, missing fields, not UTF-8, C or E for a non-member) and the server keeps serving")
    void malformed() {
        try (Room room = new Room()) {
            ChatPeer tom = room.member("Tom");
            ChatPeer jerry = room.member("Jerry");
            tom.expect(welcome("Jerry"), "after Jerry logged in");

            ChatPeer bad = room.peer("the client sending malformed datagrams");
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
                shown.add("the bytes " + Text.hex(b, 16));
            }
            // After each one, Tom chats: Jerry must get exactly that (the server still serves and broadcast
            // nothing for the malformed datagram), and the sender of the malformed one must have got no answer.
            for (int i = 0; i < datagrams.size(); i++) {
                room.send(bad, datagrams.get(i));
                String probe = "probe " + (i + 1);
                room.send(tom, "C Tom " + probe);
                jerry.expect(said("Tom", probe), "after the malformed datagram " + shown.get(i) + " and then `C Tom " + probe + "`");
                byte[] answer = bad.poll(Duration.ofMillis(50));
                Expect.that(answer == null, "the server answered the malformed datagram " + shown.get(i) + " with "
                        + (answer == null ? "" : Text.show(answer)) + "; it must ignore such a datagram (no answer, no broadcast)");
            }
            String sent = "after the malformed datagrams " + String.join(", ", shown);
            room.send(bad, "L Xavier");
            bad.expect("OK", sent + " and then `L Xavier` from the same client (the malformed ones get no answer at all)");
            tom.expect(welcome("Xavier"), sent + " and then `L Xavier`");
            Expect.that(room.server.isAlive(), "the server must keep running after malformed datagrams.\n" + room.state());
        }
    }

    @Test
    @DisplayName("eight clients at once: each gets the seven others' messages and none of its own")
    void manyClients() throws Exception {
        try (Room room = new Room()) {
            List<String> names = List.of("Tom", "Jerry", "Spike", "小明", "小红", "Anna", "李雷", "韩梅梅");
            List<ChatPeer> members = new ArrayList<>();
            for (String name : names) {
                ChatPeer p = room.member(name);
                for (ChatPeer earlier : members) {
                    earlier.expect(welcome(name), "after " + name + " logged in");
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
                    String text = new String(members.get(i).next("after all eight members sent a message at once, "
                            + names.get(i) + " should receive the 7 messages of the others; it got " + got.size()), UTF_8);
                    Expect.that(!text.equals(said(names.get(i), "message from " + names.get(i))), names.get(i)
                            + " received its own message back: " + Text.show(text) + ". A member's message goes to everyone but itself.");
                    Expect.that(expected.contains(text), names.get(i) + " received " + Text.show(text)
                            + ", which is none of the messages the other members sent (each should get \\nNAME : TEXT once)");
                    Expect.that(got.add(text), names.get(i) + " received " + Text.show(text) + " twice");
                }
            }
            Expect.that(room.server.isAlive(), "the server must keep running.\n" + room.state());
        }
    }
}
