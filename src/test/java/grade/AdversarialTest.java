package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import grade.engine.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken submissions, graded through the command line as a learner would, in both
 * modes (bubblewrap, and separate processes). For each: the grade finishes within its deadline,
 * the verdict is fail or error with a message naming the cause, no process of it is left, nothing
 * outside the run's scratch folder was written or deleted (marker files in the workspace, the
 * home folder and /tmp), and the grader's own output carries no escape sequence and no fake line.
 * The fixture day91 has four exercises (a method, a program, a server, a client) whose hidden
 * tests live in src/test/java/day90/Hostile*Test.java; small limits keep the suite short.
 */
class AdversarialTest {
    /** The run's deadline in this suite; each grade must end within it (plus the grader's own start). */
    private static final int RUN_SECONDS = 20;
    /** Stuck or runaway learner code gets its verdict within this, the grader's own start included. */
    private static final int VERDICT_SECONDS = 20;
    private static final List<String> LIMITS = List.of("-Dgrade.limit.runSeconds=" + RUN_SECONDS,
            "-Dgrade.limit.tasks=200", "-Dgrade.limit.heapMb=128", "-Dgrade.limit.outputBytes=" + (8 << 20),
            "-Dgrade.limit.fileBytes=" + (4 << 20), "-Dgrade.limit.scratchBytes=" + (64 << 20),
            "-Dgrade.limit.cpuSeconds=30", "-Dgrade.limit.memoryMb=2048");
    private static final List<String> TABLE = new ArrayList<>();

    /** One hostile submission: the exercise it targets, its source, and the words its verdict must hold. */
    record Case(String name, String exercise, String source, String expect, boolean needsSandbox) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String method(String body) {
        return method(body, "");
    }

    /** day91's Method: {@code answer()} runs {@code body}; {@code members} go beside it. */
    static String method(String body, String members) {
        return """
                package day91;

                public class Method {
                    public static int answer() throws Exception {
                        %s
                    }

                    %s
                }
                """.formatted(body, members);
    }

    private static String program(String body) {
        return program(body, "");
    }

    /** A day91 class whose {@code main} listens on 127.0.0.1 at the port of its first argument, prints {@code line} and sleeps. */
    private static String listensAndSleeps(String className, String line) {
        return """
                package day91;

                public class %s {
                    public static void main(String[] args) throws Exception {
                        java.net.ServerSocket s = new java.net.ServerSocket(Integer.parseInt(args[0]), 50,
                                java.net.InetAddress.getByName("127.0.0.1"));
                        System.out.println("%s");
                        Thread.sleep(600_000);
                    }
                }
                """.formatted(className, line);
    }

    /** day91's Program: {@code main} runs {@code body}; {@code members} go beside it. */
    static String program(String body, String members) {
        return """
                package day91;

                public class Program {
                    public static void main(String[] args) throws Exception {
                        %s
                    }

                    %s
                }
                """.formatted(body, members);
    }

    static final String METHOD_OK = method("return 42;");
    static final String PROGRAM_OK = program("""
            new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
                    System.out.println(42);""");
    static final String SERVER_OK = """
            package day91;

            import java.io.*;
            import java.net.*;

            public class Server {
                public static void main(String[] args) throws Exception {
                    try (ServerSocket s = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getByName("127.0.0.1"))) {
                        System.out.println("listening");
                        try (Socket c = s.accept()) {
                            String line = new BufferedReader(new InputStreamReader(c.getInputStream())).readLine();
                            c.getOutputStream().write((line + "\\n").getBytes());
                        }
                    }
                }
            }
            """;
    static final String CLIENT_OK = """
            package day91;

            import java.net.*;

            public class Client {
                public static void main(String[] args) throws Exception {
                    System.out.println("ready");
                    for (int i = 0; i < 100; i++) {
                        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(args[0]))) {
                            s.getOutputStream().write("hello\\n".getBytes());
                            return;
                        } catch (ConnectException e) {
                            Thread.sleep(20);
                        }
                    }
                }
            }
            """;

    static List<Case> cases() {
        return List.of(
                new Case("endless loop", "method", method("long x = 0; while (x >= 0) { x = (x + 1) % 1000; } return 42;"),
                        "did not finish within 2 s", false),
                new Case("System.exit in a static initialiser", "method", """
                        package day91;

                        public class Method {
                            static { System.exit(3); }

                            public static int answer() {
                                return 42;
                            }
                        }
                        """, "called System\\.exit\\(3\\)", false),
                new Case("Runtime.halt", "method", method("Runtime.getRuntime().halt(5); return 42;"),
                        "System\\.exit\\(5\\) \\(or Runtime\\.halt\\)", false),
                new Case("fork storm (400 processes)", "program", program("""
                        java.util.List<Process> all = new java.util.ArrayList<>();
                                for (int i = 0; i < 400; i++) { all.add(new ProcessBuilder("sleep", "300").start()); }
                                System.out.println(42);
                                Thread.sleep(300_000);"""), "more than 200 threads and processes", false),
                new Case("thread storm", "method", method("""
                        for (int i = 0; i < 5000; i++) {
                                    Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } });
                                    t.setDaemon(true);
                                    t.start();
                                }
                                return 42;"""), "threads", false),
                new Case("allocating until out of memory", "method", """
                        package day91;

                        public class Method {
                            static final java.util.List<long[]> KEEP = new java.util.ArrayList<>();

                            public static int answer() {
                                while (true) { KEEP.add(new long[1 << 20]); }
                            }
                        }
                        """, "out of memory|memory", false),
                new Case("1 GB of output from a method", "method", method("""
                        byte[] line = "all tests passed, all tests passed, all tests passed\\n".getBytes();
                                for (long n = 0; n < (1L << 30); n += line.length) { System.out.write(line, 0, line.length); }
                                return 42;"""), "printed more than 8 MiB", false),
                new Case("1 GB of output from a program", "program", program("""
                        byte[] line = "all tests passed, all tests passed, all tests passed\\n".getBytes();
                                for (long n = 0; n < (1L << 30); n += line.length) { System.out.write(line, 0, line.length); }
                                System.out.flush();"""), "printed more than 8 MiB", false),
                new Case("reading stdin for ever", "program", program("while (System.in.read() >= 0) { } System.out.println(42);"),
                        "still running after 2 s", false),
                new Case("ignoring SIGTERM, with a child that ignores it too", "program", program("""
                        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> { });
                                new ProcessBuilder("sh", "-c", "trap '' TERM; exec sleep 313").start();
                                while (true) { Thread.sleep(1000); }"""), "still running after 2 s", false),
                new Case("a server that binds and never accepts", "server", listensAndSleeps("Server", "listening"),
                        "waited 1 s for a line", false),
                new Case("binding the port the test wanted first", "client", listensAndSleeps("Client", "ready"),
                        "the port is already in use", false),
                new Case("files found through home, HOME, tmpdir and the working folder", "method", method("""
                        String[] dirs = {System.getProperty("user.home"), System.getenv("HOME"),
                                        System.getProperty("java.io.tmpdir"), System.getProperty("user.dir"), "."};
                                for (String d : dirs) {
                                    if (d == null) { continue; }
                                    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(java.nio.file.Path.of(d))) {
                                        for (java.nio.file.Path p : s.toList()) { if (p.getFileName().toString().startsWith("grade-marker")) { java.nio.file.Files.delete(p); } }
                                    } catch (Exception e) { System.out.println("could not clean " + d); }
                                    try { java.nio.file.Files.writeString(java.nio.file.Path.of(d, "grade-intruder.txt"), "x"); }
                                    catch (Exception e) { System.out.println("could not write in " + d); }
                                }
                                return 41;"""), "expected 42|42", false),
                new Case("files at known absolute paths: workspace, home, /tmp", "method", null,
                        "expected 42|42", true),
                new Case("escape sequences and fake pass lines", "method", method("""
                        System.out.println("\\u001b[2J\\u001b[H\\u001b[32m✔ day91/method  Fixture method  10/10\\u001b[0m");
                                System.out.println("\\r1 of 1 exercises passed · score 10/10 · 0.1 s");
                                System.out.print("\\u001b]0;owned\\u0007");
                                throw new IllegalStateException("\\u001b[31m✔ all tests passed\\u001b[0m\\r\\n✔ day91/method 10/10");"""),
                        "threw java\\.lang\\.IllegalStateException", false),
                new Case("a throwable whose getMessage loops and toString throws", "method", """
                        package day91;

                        public class Method {
                            public static int answer() {
                                throw new Evil();
                            }
                        }

                        class Evil extends RuntimeException {
                            @Override public String getMessage() { while (true) { Thread.onSpinWait(); } }
                            @Override public String toString() { throw new IllegalStateException("no"); }
                            @Override public StackTraceElement[] getStackTrace() { while (true) { Thread.onSpinWait(); } }
                        }
                        """, "loops or throws, so it cannot be reported", false),
                new Case("writing one file without end", "method", method("""
                        try (java.io.OutputStream out = new java.io.FileOutputStream("big.bin")) {
                                    byte[] mb = new byte[1 << 20];
                                    while (true) { out.write(mb); }
                                }"""), "File too large.*limit per file", false),
                new Case("filling the disk with small files (bounded: 300 MiB)", "method", method("""
                        byte[] mb = new byte[1 << 20];
                                java.util.Arrays.fill(mb, (byte) 1);
                                for (int i = 0; i < 300; i++) { java.nio.file.Files.write(java.nio.file.Path.of("fill-" + i), mb); }
                                return 42;"""), "wrote more than 64 MiB of files", false));
    }

    static Stream<Arguments> modeAndCase() {
        return Fixtures.inBothModes(cases());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("modeAndCase")
    void hostileSubmissionIsSurvivedAndExplained(Sandbox.Mode mode, Case c, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Fixtures.assumeWorks(mode);
        assumeTrue(!c.needsSandbox() || mode == Sandbox.Mode.BWRAP,
                "without bubblewrap, code that knows a file's absolute path can change it: only the sandbox prevents that");
        Path home = Fixtures.course(dir.resolve("course"));
        day91(home);
        Path fakeHome = Files.createDirectories(dir.resolve("home"));
        Path ws = dir.resolve("ws");
        grade.workspace.Workspace.init(ws, grade.course.Catalogue.load(home));
        String id = UUID.randomUUID().toString();
        Path tmpMarker = Path.of("/tmp", "grade-marker-" + id);
        Path tmpIntruder = Path.of("/tmp", "grade-intruder-" + id);
        Files.writeString(fakeHome.resolve("grade-marker-home"), id);
        Files.writeString(ws.resolve("grade-marker-ws"), id);
        Files.writeString(tmpMarker, id);
        String source = c.source() != null ? c.source() : method("""
                for (String p : new String[] {"%s", "%s", "%s", "%s"}) {
                            try { java.nio.file.Files.delete(java.nio.file.Path.of(p)); } catch (Exception e) { System.out.println("kept " + p); }
                        }
                        for (String p : new String[] {"%s", "%s", "%s"}) {
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of(p), "x"); } catch (Exception e) { System.out.println("refused " + p); }
                        }
                        return 41;""".formatted(fakeHome.resolve("grade-marker-home"), ws.resolve("grade-marker-ws"), tmpMarker,
                ws.resolve("day91/Program.java"), fakeHome.resolve("grade-intruder.txt"), ws.resolve("grade-intruder.txt"), tmpIntruder));
        Path file = ws.resolve("day91/" + Character.toUpperCase(c.exercise().charAt(0)) + c.exercise().substring(1) + ".java");
        Files.writeString(file, source);
        Set<Long> defunctBefore = defunct();
        Map<String, String> wsBefore = snapshot(ws);
        Map<String, String> homeBefore = snapshot(fakeHome);
        try {
            long start = System.nanoTime();
            Fixtures.Run r = gradeWithToken(home, ws, fakeHome, id, mode, "day91", c.exercise());
            double seconds = (System.nanoTime() - start) / 1e9;
            String out = r.out();
            String state = Files.readString(ws.resolve(".grade/state.json"));
            String status = JsonParser.parseString(state).getAsJsonObject().getAsJsonObject("exercises")
                    .getAsJsonObject("day91/" + c.exercise()).get("status").getAsString();
            String verdict = verdictLine(out);
            synchronized (TABLE) {
                TABLE.add(String.format(Locale.ROOT, "| %s | %s | %s | %.1f s | %s |", c.name(),
                        mode == Sandbox.Mode.BWRAP ? "bwrap" : "none", status, seconds, verdict.replace("|", "\\|")));
            }
            assertTrue(seconds < VERDICT_SECONDS, "the verdict took " + seconds + " s");
            assertEquals(1, r.exit(), "exit status\n" + out + r.err());
            assertTrue(status.equals("fail") || status.equals("error"), status);
            assertTrue(Pattern.compile(c.expect(), Pattern.DOTALL).matcher(out).find(),
                    "the verdict should say /" + c.expect() + "/:\n" + out + r.err());
            assertTrue(out.lines().filter(l -> l.startsWith("Grading ")).findFirst().orElse("")
                    .contains(mode == Sandbox.Mode.BWRAP ? "bubblewrap" : "separate processes"), out);
            // The grader's own output: no escape sequence, no line of the learner's passed off as ours.
            assertFalse(out.contains("\u001b") || r.err().contains("\u001b"), "an escape sequence reached the terminal:\n" + out);
            // Learner text only ever appears indented under its test (8 columns or more), so it cannot pass for an exercise's line or the summary.
            assertFalse(out.lines().anyMatch(l -> l.matches(" {0,7}✔ .*| {0,7}\\S*1 of 1 exercises passed.*")),
                    "a fake line reached the terminal:\n" + out);
            assertTrue(out.lines().anyMatch(l -> l.matches("0 of 1 exercises passed · score .*")), out);
            assertFalse(out.contains("internal error"), out);
            // No process of the grade is left.
            List<ProcessHandle> left = waitForNone(id);
            assertTrue(left.isEmpty(), "processes of the grade still run: " + left.stream().map(h -> h.pid() + " "
                    + h.info().commandLine().orElse("?")).toList());
            // Not even a defunct one: the grader waits for every process it started, and ends a
            // tree the deepest first so that each is reaped by its parent. Only a child forked in
            // the instant its parent is ended can be left to init, which reaps it: a second, no more.
            Set<Long> defunct = defunct();
            defunct.removeAll(defunctBefore);
            for (long until = System.nanoTime() + 1_000_000_000L; !defunct.isEmpty() && System.nanoTime() < until; ) {
                Thread.sleep(50);
                defunct.retainAll(defunct());
            }
            assertTrue(defunct.isEmpty(), "defunct processes left by the grade: " + defunct.stream().map(AdversarialTest::named).toList());
            // Nothing outside scratch was written or deleted.
            assertEquals(id, Files.readString(tmpMarker), "the marker in /tmp");
            assertFalse(Files.exists(tmpIntruder), "learner code wrote into /tmp");
            assertEquals(homeBefore, snapshot(fakeHome), "the home folder changed");
            Map<String, String> wsAfter = snapshot(ws);
            wsAfter.keySet().removeIf(k -> k.startsWith(".grade/state.json") || k.startsWith(".grade/build/"));
            wsBefore.keySet().removeIf(k -> k.startsWith(".grade/state.json") || k.startsWith(".grade/build/"));
            assertEquals(wsBefore, wsAfter, "the workspace changed");
        } finally {
            waitForNone(id).forEach(ProcessHandle::destroyForcibly);
            Files.deleteIfExists(tmpMarker);
            Files.deleteIfExists(tmpIntruder);
        }
    }

    @AfterAll
    static void table() throws IOException {
        Fixtures.table("adversarial.md", List.of("hostile case", "mode", "verdict", "time", "message"), TABLE);
    }

    /** The first line of the failure's explanation, for the table. */
    private static String verdictLine(String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s{4}[✘!] .*") && i + 1 < lines.size()) {
                String l = lines.get(i + 1).strip();
                return l.length() > 110 ? l.substring(0, 110) + "…" : l;
            }
        }
        return lines.stream().filter(l -> l.matches("\\s{4}\\S.*")).findFirst().map(String::strip).orElse("?");
    }

    /** Writes the fixture day91: four exercises, each with its own learner file and hidden test. */
    static void day91(Path home) throws IOException {
        Fixtures.write(home.resolve("exercises/day91/day.json"), """
                {"title": {"en": "Hostile fixtures", "zh": "恶意测试"}, "exercises": ["method", "program", "server", "client"]}
                """);
        String[][] ex = {{"method", "Method", METHOD_OK, "2"}, {"program", "Program", PROGRAM_OK, "5"},
            {"server", "Server", SERVER_OK, "5"}, {"client", "Client", CLIENT_OK, "5"}};
        for (String[] e : ex) {
            Path d = home.resolve("exercises/day91/" + e[0]);
            Fixtures.write(d.resolve("exercise.json"), """
                    {"id": "day91/%s", "title": {"en": "Fixture %s", "zh": "测试 %s"}, "files": ["day91/%s.java"],
                     "tests": ["day90.Hostile%sTest"], "points": 10, "timeout": %s,
                     "hints": [{"en": "first", "zh": "第一"}, {"en": "second", "zh": "第二"}]}
                    """.formatted(e[0], e[0], e[0], e[1], e[1], e[3]));
            Fixtures.write(d.resolve("README.md"), "# Fixture " + e[0] + "\n");
            Fixtures.write(d.resolve("README.zh.md"), "# 测试 " + e[0] + "\n");
            Fixtures.write(d.resolve("starter/day91/" + e[1] + ".java"), e[2]);
            Fixtures.write(home.resolve("solutions/day91/" + e[0] + "/day91/" + e[1] + ".java"), e[2]);
        }
    }

    /** Runs the grader's command line with a fake home and a token in its environment that every process it starts inherits. */
    static Fixtures.Run gradeWithToken(Path home, Path cwd, Path fakeHome, String token, Sandbox.Mode mode, String... args)
            throws IOException, InterruptedException {
        return gradeWithToken(home, cwd, fakeHome, token, mode, LIMITS, args);
    }

    /** Like {@link #gradeWithToken(Path, Path, Path, String, Sandbox.Mode, String...)}, under {@code limits} ({@code -Dgrade.limit.*}). */
    static Fixtures.Run gradeWithToken(Path home, Path cwd, Path fakeHome, String token, Sandbox.Mode mode, List<String> limits,
                                       String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgrade.home=" + home, "-Duser.home=" + fakeHome));
        command.addAll(limits);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "grade.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--no-color", "--sandbox", mode == Sandbox.Mode.BWRAP ? "bwrap" : "none"));
        Path out = Files.createTempFile("grade-out", ".txt");
        Path err = Files.createTempFile("grade-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("HOME", fakeHome.toString());
            pb.environment().put("LANG", "C.UTF-8");
            pb.environment().put("GRADE_SUITE", token);
            pb.environment().remove("GRADE_SANDBOX");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(RUN_SECONDS + 60, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("grade " + String.join(" ", args) + " did not finish");
            }
            return new Fixtures.Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Waits up to 5 s for every process carrying the token to end; returns those still running. */
    static List<ProcessHandle> waitForNone(String token) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> left = tagged(token);
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = tagged(token);
        }
        return left;
    }

    /**
     * The pids of the defunct processes (ended, never reaped; Linux) whose parent had ended too,
     * so that they belong to init: what a grade that did not wait for its processes leaves.
     * Other programs of the machine have defunct children of their own for a moment.
     */
    static Set<Long> defunct() throws IOException {
        Set<Long> out = new java.util.HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : entries) {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (fields[0].equals("Z") && fields[1].equals("1")) {
                        out.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            }
        }
        return out;
    }

    /** A pid with its command's name, as /proc says it. */
    static String named(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return pid + stat.substring(stat.indexOf(' '), stat.lastIndexOf(')') + 1);
        } catch (IOException | RuntimeException e) {
            return pid + " (gone)";
        }
    }

    /** Every running process whose environment holds GRADE_SUITE=token (Linux). */
    static List<ProcessHandle> tagged(String token) {
        List<ProcessHandle> found = new ArrayList<>();
        byte[] needle = ("GRADE_SUITE=" + token).getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : entries) {
                try {
                    byte[] env = Files.readAllBytes(d.resolve("environ"));
                    if (indexOf(env, needle) >= 0) {
                        ProcessHandle.of(Long.parseLong(d.getFileName().toString())).filter(ProcessHandle::isAlive).ifPresent(found::add);
                    }
                } catch (IOException | RuntimeException e) {
                    // gone
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Every file under dir (relative path → size and a hash of its bytes). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                out.put(dir.relativize(p).toString(), b.length + ":" + java.util.Arrays.hashCode(b));
            }
        }
        return out;
    }
}
