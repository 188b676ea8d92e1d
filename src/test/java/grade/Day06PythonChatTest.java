package grade;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day06 chat room against the course's own Python code (src/test/resources/day06/, taken
 * from the course notes with one line changed in each file: the address, so that the port comes
 * from the command line and the server binds 127.0.0.1). A scripted session must give the same
 * bytes from the reference Java server as from the Python server, and the reference Java client
 * and the Python client must each work with the other side's server.
 *
 * <p>Skipped where python3 is not installed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Day06PythonChatTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final String REFUSAL = "您的名字太受欢迎了";

    @TempDir
    static Path dir;
    static String python;
    static Path classes;

    private final List<Proc> procs = new ArrayList<>();
    private final List<DatagramSocket> sockets = new ArrayList<>();

    @BeforeAll
    static void setUp() throws IOException, InterruptedException {
        python = findPython();
        assumeTrue(python != null, "python3 is not installed: the comparison with the course's Python chat room is skipped");
        Path home = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-encoding", "UTF-8",
                home.resolve("solutions/day06/chat-server/day06/ChatServer.java").toString(),
                home.resolve("solutions/day06/chat-client/day06/ChatClient.java").toString());
        assertEquals(0, status, "the reference chat server and client must compile");
        for (String name : List.of("chat_server.py", "chat_client.py")) {
            try (InputStream in = Day06PythonChatTest.class.getResourceAsStream("/day06/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
    }

    private static String findPython() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? "python3" : null;
        } catch (IOException e) {
            return null;
        }
    }

    @AfterEach
    void cleanUp() {
        sockets.forEach(DatagramSocket::close);
        procs.forEach(Proc::close);
    }

    // ---- the servers and clients under test ----

    private Proc javaServer(int port) throws InterruptedException {
        Proc p = start(javaCommand("day06.ChatServer", "" + port));
        p.awaitOutput("listening", Duration.ofSeconds(10));
        return p;
    }

    private Proc pythonServer(int port) throws InterruptedException {
        Proc p = start(List.of(python, "-u", dir.resolve("chat_server.py").toString(), "" + port));
        p.awaitOutput("管理员消息:", Duration.ofSeconds(10)); // the admin process's prompt: the socket is bound
        return p;
    }

    private List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-cp", classes.toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Proc start(List<String> command) {
        Proc p = new Proc(command);
        procs.add(p);
        return p;
    }

    private Peer peer(String label) {
        Peer p = new Peer(label);
        sockets.add(p.socket);
        return p;
    }

    // ---- the scripted session ----

    /** One step of the session: who sends what (null: a line typed on the server's stdin). */
    record Step(String from, String text) {
    }

    static final List<Step> SCRIPT = List.of(
            new Step("A", "L Tom"),
            new Step("B", "L 小明"),
            new Step("X", "L Tom"),
            new Step("X", "L 大管理员"),
            new Step("C", "L Spike Lee"),
            new Step("A", "C Tom hello 世界  two spaces"),
            new Step(null, "欢迎大家 welcome"),
            new Step("B", "E 小明"),
            new Step("C", "C Spike bye"),
            new Step(null, "第二条"),
            new Step("X", "L 小明"),
            new Step("X", "C 小明 我回来了"),
            new Step("A", "E Tom"));

    /** What each peer receives at each step, as the course's server sends it. */
    static final List<String> EXPECTED = List.of(
            "1 `L Tom` from A\n  A <- \"OK\"",
            "2 `L 小明` from B\n  A <- \"\\n欢迎 '小明' 进入聊天室\"\n  B <- \"OK\"",
            "3 `L Tom` from X\n  X <- \"" + REFUSAL + "\"",
            "4 `L 大管理员` from X\n  X <- \"" + REFUSAL + "\"",
            "5 `L Spike Lee` from C\n  A <- \"\\n欢迎 'Spike' 进入聊天室\"\n  B <- \"\\n欢迎 'Spike' 进入聊天室\"\n  C <- \"OK\"",
            "6 `C Tom hello 世界  two spaces` from A\n  B <- \"\\nTom : hello 世界  two spaces\"\n"
                    + "  C <- \"\\nTom : hello 世界  two spaces\"",
            "7 `欢迎大家 welcome` from the server's stdin\n  A <- \"\\n管理员 : 欢迎大家 welcome\"\n"
                    + "  B <- \"\\n管理员 : 欢迎大家 welcome\"\n  C <- \"\\n管理员 : 欢迎大家 welcome\"",
            "8 `E 小明` from B\n  A <- \"\\n小明 退出聊天室\"\n  B <- \"EXIT\"\n  C <- \"\\n小明 退出聊天室\"",
            "9 `C Spike bye` from C\n  A <- \"\\nSpike : bye\"",
            "10 `第二条` from the server's stdin\n  A <- \"\\n管理员 : 第二条\"\n  C <- \"\\n管理员 : 第二条\"",
            "11 `L 小明` from X\n  A <- \"\\n欢迎 '小明' 进入聊天室\"\n  C <- \"\\n欢迎 '小明' 进入聊天室\"\n  X <- \"OK\"",
            "12 `C 小明 我回来了` from X\n  A <- \"\\n小明 : 我回来了\"\n  C <- \"\\n小明 : 我回来了\"",
            "13 `E Tom` from A\n  A <- \"EXIT\"\n  C <- \"\\nTom 退出聊天室\"\n  X <- \"\\nTom 退出聊天室\"");

    /** Plays the script against a server and returns, step by step, what every peer received. */
    private List<String> play(int port, Proc server) throws InterruptedException {
        Map<String, Peer> peers = new TreeMap<>();
        for (String label : List.of("A", "B", "C", "X")) {
            peers.put(label, peer(label));
        }
        List<String> transcript = new ArrayList<>();
        for (int i = 0; i < SCRIPT.size(); i++) {
            Step step = SCRIPT.get(i);
            if (step.from() == null) {
                server.writeLine(step.text());
            } else {
                peers.get(step.from()).send(port, step.text());
            }
            settle(peers.values());
            StringBuilder sb = new StringBuilder().append(i + 1).append(" `").append(step.text()).append("` from ")
                    .append(step.from() == null ? "the server's stdin" : step.from());
            for (Peer p : peers.values()) {
                for (byte[] d : p.take()) {
                    sb.append("\n  ").append(p.label).append(" <- ").append(show(d));
                }
            }
            transcript.add(sb.toString());
        }
        server.closeStdin(); // the Python server's admin process ends here; the server goes on
        Peer late = peer("late");
        late.send(port, "L Late");
        settle(List.of(late));
        transcript.add("after the server's stdin ended, `L Late` <- " + late.take().stream().map(Day06PythonChatTest::show).toList());
        return transcript;
    }

    /** Waits until no peer has received anything for 300 ms (at most 5 s). */
    private static void settle(Iterable<Peer> peers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long last = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long total = 0;
            for (Peer p : peers) {
                total += p.count();
            }
            if (total != last) {
                last = total;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(300)) {
                return;
            }
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("a scripted chat session gives the same bytes from the reference Java server and from the course's Python server")
    void sameBytesAsPythonServer() throws InterruptedException {
        int javaPort = freeUdpPort();
        List<String> fromJava = play(javaPort, javaServer(javaPort));
        int pythonPort = freeUdpPort();
        List<String> fromPython = play(pythonPort, pythonServer(pythonPort));

        List<String> expected = new ArrayList<>(EXPECTED);
        expected.add("after the server's stdin ended, `L Late` <- [\"OK\"]");
        assertEquals(String.join("\n", expected), String.join("\n", fromPython),
                "the course's Python server did not give the session this test expects");
        assertEquals(String.join("\n", fromPython), String.join("\n", fromJava),
                "the reference Java server must send exactly the bytes the course's Python server sends");
    }

    @Test
    @DisplayName("the reference Java client works with the course's Python server")
    void javaClientWithPythonServer() throws InterruptedException {
        int port = freeUdpPort();
        Proc server = pythonServer(port);
        Peer jerry = loggedIn("Jerry", port);

        Proc client = start(javaCommand("day06.ChatClient", "127.0.0.1", "" + port));
        joinAsTom(client, jerry);
        talkAsTom(client, jerry, server, port);
        assertEquals(0, client.awaitExit(Duration.ofSeconds(10)), "the Java client's exit status after ##\n" + client.output());
    }

    @Test
    @DisplayName("the course's Python client works with the reference Java server")
    void pythonClientWithJavaServer() throws InterruptedException {
        int port = freeUdpPort();
        Proc server = javaServer(port);
        Peer jerry = loggedIn("Jerry", port);

        Proc client = start(List.of(python, "-u", dir.resolve("chat_client.py").toString(), "" + port));
        joinAsTom(client, jerry);
        client.awaitOutput("您已进入聊天室", Duration.ofSeconds(5));
        talkAsTom(client, jerry, server, port);
        assertEquals(0, client.awaitExit(Duration.ofSeconds(10)), "the Python client's exit status after ##\n" + client.output());
    }

    /** A peer that has logged in to the server at {@code port} as {@code name}. */
    private Peer loggedIn(String name, int port) throws InterruptedException {
        Peer p = peer(name);
        p.send(port, "L " + name);
        p.expect("OK");
        return p;
    }

    /** The learner of {@code client} asks for Jerry's name, which is taken, then joins as Tom. */
    private static void joinAsTom(Proc client, Peer jerry) throws InterruptedException {
        client.writeLine("Jerry");
        client.awaitOutput(REFUSAL, Duration.ofSeconds(10));
        client.writeLine("Tom");
        jerry.expect("\n欢迎 'Tom' 进入聊天室");
    }

    /** Tom, in {@code client}, and Jerry chat, the server's keeper makes an announcement, and Tom leaves with ##. */
    private static void talkAsTom(Proc client, Peer jerry, Proc server, int port) throws InterruptedException {
        jerry.send(port, "C Jerry hi Tom 你好");
        client.awaitOutput("Jerry : hi Tom 你好", Duration.ofSeconds(5));
        server.writeLine("公告");
        jerry.expect("\n管理员 : 公告");
        client.awaitOutput("管理员 : 公告", Duration.ofSeconds(5));
        client.writeLine("hello 世界");
        jerry.expect("\nTom : hello 世界");
        client.writeLine("##");
        jerry.expect("\nTom 退出聊天室");
    }

    // ---- helpers ----

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as readable text: the UTF-8 string with \n escaped, in quotes. */
    static String show(byte[] d) {
        return "\"" + new String(d, UTF_8).replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    }

    /** A UDP socket on 127.0.0.1 whose datagrams a thread collects. */
    static final class Peer {
        final String label;
        final DatagramSocket socket;
        private final List<byte[]> received = new ArrayList<>();
        private int taken;

        Peer(String label) {
            this.label = label;
            try {
                socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                while (!socket.isClosed()) {
                    DatagramPacket packet = new DatagramPacket(buf, buf.length);
                    try {
                        socket.receive(packet);
                    } catch (IOException e) {
                        return;
                    }
                    synchronized (this) {
                        received.add(java.util.Arrays.copyOf(buf, packet.getLength()));
                        notifyAll();
                    }
                }
            }, "peer " + label);
            t.setDaemon(true);
            t.start();
        }

        void send(int port, String text) {
            byte[] data = text.getBytes(UTF_8);
            try {
                socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(LOOPBACK, port)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized int count() {
            return received.size();
        }

        /** The datagrams received since the last take. */
        synchronized List<byte[]> take() {
            List<byte[]> out = List.copyOf(received.subList(taken, received.size()));
            taken = received.size();
            return out;
        }

        /** The next datagram not yet taken must be {@code text}, within 5 s. */
        synchronized void expect(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.size() <= taken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail(label + " waited 5 s for " + show(text.getBytes(UTF_8)) + " and received nothing");
                }
                wait(Math.max(1, left / 1_000_000));
            }
            byte[] got = received.get(taken++);
            assertArrayEquals(text.getBytes(UTF_8), got, label + " should receive " + show(text.getBytes(UTF_8)) + " but got " + show(got));
        }
    }

    /** A process with its stdin open and its output (stdout and stderr together) collected. */
    static final class Proc implements AutoCloseable {
        private final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proc(List<String> command) {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            pb.environment().remove("_JAVA_OPTIONS");
            pb.environment().remove("JDK_JAVA_OPTIONS");
            pb.environment().put("LANG", "C.UTF-8");
            pb.environment().put("LC_ALL", "C.UTF-8");
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command, e);
            }
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (InputStream in = process.getInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (this) {
                            out.write(buf, 0, n);
                            notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            }, "output of " + command.get(command.size() - 1));
            t.setDaemon(true);
            t.start();
        }

        synchronized String output() {
            return out.toString(UTF_8);
        }

        /** Waits until the output (prompts without a newline included) contains {@code text}. */
        synchronized void awaitOutput(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!output().contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("waited " + timeout.toSeconds() + " s for " + show(text.getBytes(UTF_8)) + " in the output:\n" + output()
                            + (process.isAlive() ? "" : "\n(the process exited with status " + process.exitValue() + ")"));
                }
                wait(Math.max(1, Math.min(200, left / 1_000_000)));
            }
        }

        void writeLine(String line) {
            try {
                OutputStream in = process.getOutputStream();
                in.write((line + "\n").getBytes(UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write to the process; its output:\n" + output(), e);
            }
        }

        void closeStdin() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // gone already
            }
        }

        int awaitExit(Duration timeout) throws InterruptedException {
            assertTrue(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    "the process was still running after " + timeout.toSeconds() + " s; its output:\n" + output());
            return process.exitValue();
        }

        /** Ends the process and every process it started (the Python programs fork). */
        @Override
        public void close() {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // gone or stuck: nothing more to do
                }
            }
        }
    }
}
