package grade.engine;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.report.Status;
import grade.report.TestResult;
import grade.report.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs hidden test classes in a forked JVM, never in the grader's own: learner code may call
 * System.exit, loop for ever or leak threads and processes. The grader holds the run's deadline
 * and, when the run ends for whatever reason, ends the whole process tree it started.
 */
public final class TestRun implements AutoCloseable {
    /** Bytes of the test JVM's own stdout/stderr kept for a crash report. */
    private static final int JVM_OUTPUT_CAP = 16 * 1024;
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private final ProcessTree tree = new ProcessTree();
    private final List<Path> hidden = new ArrayList<>(List.of(Path.of(System.getProperty("user.home"))));
    private final Limits limits;
    private boolean failFast;
    private final AtomicLong printed = new AtomicLong();
    private Path scratch;
    private Path resultsFile;
    private Path learnerDir;
    private Process process;
    private ByteArrayOutputStream jvmOutput;
    private Thread drain;

    /**
     * A run under {@code limits} whose learner code, when sandboxed, sees neither the user's home
     * nor {@code workspace}.
     */
    public TestRun(Optional<Path> workspace, Limits limits) {
        workspace.ifPresent(hidden::add);
        this.limits = limits;
    }

    /** A run under the limits of {@link Limits#fromSystem()}. */
    public TestRun(Optional<Path> workspace) {
        this(workspace, Limits.fromSystem());
    }

    public TestRun() {
        this(Optional.empty());
    }

    /** Stop each exercise at its first failing test (enough to prove that a solution fails). */
    public TestRun failFast(boolean on) {
        this.failFast = on;
        return this;
    }

    /** One exercise's compiled classes and its hidden test classes. */
    public record Unit(String exerciseId, Path classes, List<String> testClasses, int timeoutSeconds) {
    }

    /** Results by exercise id, in the order the tests ran. */
    public record Outcome(Map<String, List<TestResult>> results, long millis) {
    }

    /**
     * Starts the test JVM ahead of need: it starts up (and with {@code warm}, runs warm-up tests),
     * then waits for the units that {@link #run} gives it. A grade starts it before compiling;
     * watch mode starts the next one, warm, while the learner edits.
     */
    public TestRun prestart(boolean warm) throws IOException {
        if (process == null) {
            start(warm);
        }
        return this;
    }

    /** Ends a test JVM started ahead that was not used. */
    @Override
    public void close() {
        tree.end();
        process = null;
        if (scratch != null) {
            org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
            scratch = null;
        }
    }

    /**
     * Runs every unit's tests in one test JVM; every unit gets a result list, also after a crash.
     * The run's deadline is {@code deadlineSeconds}, or the limits' own when they set one.
     */
    public Outcome run(List<Unit> units, int deadlineSeconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (limits.runSeconds() > 0) {
            deadlineSeconds = limits.runSeconds();
        }
        Map<String, String> exerciseOfClass = new LinkedHashMap<>();
        Map<String, List<TestResult>> results = new LinkedHashMap<>();
        for (Unit u : units) {
            results.put(u.exerciseId(), new ArrayList<>());
            u.testClasses().forEach(c -> exerciseOfClass.put(c, u.exerciseId()));
        }
        try {
            if (process == null || !process.isAlive()) {
                close();
                start(false);
            }
            Process p = process;
            // the learner's classes go into the folder already on the test JVM's class path
            for (Unit u : units) {
                org.apache.commons.io.FileUtils.copyDirectory(u.classes().toFile(), learnerDir.toFile());
            }
            StringBuilder line = new StringBuilder();
            for (Unit u : units) {
                line.append(u.timeoutSeconds()).append('=').append(String.join(",", u.testClasses())).append(' ');
            }
            try (var in = p.getOutputStream()) {
                in.write((line.toString().strip() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the JVM is gone; reported below as a crash
            }
            boolean finished;
            Limits.Kind breach;
            try (Watchdog watchdog = new Watchdog(limits, p.toHandle(), scratch, printed::get, tree::end)) {
                finished = p.waitFor(deadlineSeconds, TimeUnit.SECONDS);
                watchdog.close();
                breach = watchdog.finalCheck();
            }
            if (tree.interrupted()) {
                throw new InterruptedException("the grade was interrupted"); // nothing is recorded for it
            }
            tree.end();
            drain.join(1000);
            List<JsonObject> lines = readLines(resultsFile);
            boolean done = !lines.isEmpty() && "done".equals(str(lines.get(lines.size() - 1), "event"));
            String lastTest = "";
            for (JsonObject o : lines) {
                if (o.has("event")) {
                    if ("limit".equals(str(o, "event")) && breach == null) {
                        breach = kind(str(o, "limit"));
                    }
                    continue;
                }
                String ex = exerciseOfClass.get(str(o, "class"));
                if (ex == null || "skipped".equals(str(o, "status"))) {
                    continue; // a test skipped by an assumption (a tool missing here) neither passes nor fails
                }
                Visibility visibility = visibility(o);
                lastTest = visibility == Visibility.VISIBLE ? str(o, "name") : "";
                results.get(ex).add(new TestResult(str(o, "name"), status(str(o, "status")), str(o, "message"),
                        str(o, "output"), o.has("millis") ? o.get("millis").getAsLong() : 0,
                        o.has("weight") ? Math.max(1, o.get("weight").getAsInt()) : 1, visibility));
            }
            if (breach == null && finished && !done) {
                breach = kind(p.exitValue());
            }
            if (!done || breach != null) {
                String crash = breach != null ? stopped(breach, lastTest)
                        : (!finished ? "the tests were stopped after the run's deadline of " + deadlineSeconds + " s"
                        : "the test JVM ended unexpectedly (" + exitStatus(p.exitValue()) + ")")
                        + (lastTest.isEmpty() ? "" : ", after the test \"" + lastTest + "\"")
                        + ". Your code may have ended the JVM, used up its memory or hung it."
                        + tail(jvmOutput);
                for (Map.Entry<String, List<TestResult>> e : results.entrySet()) {
                    e.getValue().add(new TestResult(done ? "(the limits of the run)" : "(the rest of the tests)", Status.ERROR, crash, "", 0));
                }
            }
            return new Outcome(results, (System.nanoTime() - start) / 1_000_000);
        } finally {
            close();
        }
    }

    /** The verdict of a run that hit a limit: which one, in words, and that everything was ended. */
    private String stopped(Limits.Kind kind, String lastTest) {
        boolean zh = grade.course.Lang.current() == grade.course.Lang.ZH;
        String after = lastTest.isEmpty() ? "" : zh ? "（在测试“" + lastTest + "”之后）" : " (after the test \"" + lastTest + "\")";
        return zh ? "已停止：" + limits.words(kind) + after + "。本次运行的所有进程都已结束。"
                : "stopped: " + limits.words(kind) + after + ". Every process of the run was ended.";
    }

    /** An exit status in words. */
    private static String exitStatus(int status) {
        return status == 128 + 9 ? "exit status " + status + ": it was killed, perhaps because it ran out of memory"
                : "exit status " + status;
    }

    /** The limit behind the test JVM's exit status, if one is: a signal of an OS limit, or a full heap. */
    private static Limits.Kind kind(int exitStatus) {
        return switch (exitStatus) {
            case 128 + 24 -> Limits.Kind.CPU; // SIGXCPU
            case 128 + 25 -> Limits.Kind.FILE; // SIGXFSZ
            case grade.testjvm.TestMain.OUT_OF_MEMORY -> Limits.Kind.HEAP;
            default -> null;
        };
    }

    private static Limits.Kind kind(String name) {
        try {
            return Limits.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Starts the test JVM with an empty learner folder on its class path; it reads its units from stdin. */
    private void start(boolean warm) throws IOException {
        scratch = Files.createTempDirectory("grade-run-");
        resultsFile = scratch.resolve("results.jsonl");
        learnerDir = Files.createDirectories(scratch.resolve("learner"));
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        Path home = Files.createDirectories(scratch.resolve("home"));
        List<String> command = command(resultsFile, tmp, home, warm);
        boolean sandboxed = Sandbox.mode() == Sandbox.Mode.BWRAP;
        if (sandboxed) {
            List<Path> readable = new ArrayList<>(Sandbox.classPathFiles(graderClassPath()));
            readable.add(Path.of(System.getProperty("java.home")));
            Path archive = ClassDataArchive.file();
            if (archive != null && Files.isRegularFile(archive)) {
                readable.add(archive);
            }
            command = Sandbox.wrap(command, scratch, readable, hidden, limits.scratchBytes());
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("LC_ALL", "C.UTF-8");
        // Code that looks for the home or a temporary folder finds the scratch folder, in either mode.
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TMPDIR", tmp.toString());
        process = tree.start(pb, !sandboxed, scratch);
        jvmOutput = new ByteArrayOutputStream();
        drain = drain(process.getInputStream(), jvmOutput, printed);
    }

    private List<String> command(Path resultsFile, Path tmp, Path home, boolean warm) {
        List<String> command = new ArrayList<>(limits.osLimits(Files.isExecutable(PRLIMIT) ? PRLIMIT.toString() : null));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ClassDataArchive.testJvmFlags());
        command.addAll(jvmFlags(tmp));
        command.addAll(List.of("-Xmx" + limits.testJvmHeapMb() + "m", "-Duser.home=" + home));
        command.addAll(limits.jvmProperties());
        command.addAll(List.of("-Dgrade.failfast=" + failFast, "-Dgrade.learner.classpath=" + learnerDir,
                "-cp", graderClassPath() + File.pathSeparator + learnerDir,
                "grade.testjvm.TestMain", resultsFile.toString()));
        if (warm) {
            command.add("--warm");
        }
        return command;
    }

    /**
     * The grader's class path with every entry made absolute: the test JVM starts in its scratch
     * folder, where a relative entry (as in {@code java -jar target/grade.jar}) would point nowhere.
     */
    static String graderClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /** The test JVM's flags: a fast start for a short run, and what the runner needs. */
    static List<String> jvmFlags(Path tmp) {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.security.manager=allow", "-Dfile.encoding=UTF-8",
                "-Dgrade.lang=" + System.getProperty("grade.lang", "en"), "-Djava.io.tmpdir=" + tmp);
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream keep, AtomicLong count) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    count.addAndGet(n);
                    synchronized (keep) {
                        int room = Math.max(0, Math.min(n, JVM_OUTPUT_CAP - keep.size()));
                        keep.write(buf, 0, room);
                    }
                }
            } catch (IOException e) {
                // the JVM is gone
            }
        }, "test JVM output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String tail(ByteArrayOutputStream out) {
        String s;
        synchronized (out) {
            s = out.toString(StandardCharsets.UTF_8).strip();
        }
        s = s.lines().filter(l -> !l.startsWith("WARNING:")).reduce((a, b) -> a + "\n" + b).orElse("");
        return s.isEmpty() ? "" : "\nThe test JVM printed:\n" + grade.kit.Text.indent(grade.kit.Text.block(s, 2000), "  | ");
    }

    private static List<JsonObject> readLines(Path file) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                out.add(JsonParser.parseString(line).getAsJsonObject());
            } catch (RuntimeException e) {
                break; // a line cut by a crash ends what can be trusted
            }
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    /** A hidden test with a date it cannot read stays hidden: hiding too long is the safe mistake. */
    private static Visibility visibility(JsonObject o) {
        if (!"hidden".equals(str(o, "visibility"))) {
            return Visibility.VISIBLE;
        }
        try {
            return str(o, "until").isEmpty() ? Visibility.HIDDEN : Visibility.until(java.time.LocalDate.parse(str(o, "until")));
        } catch (java.time.DateTimeException e) {
            return Visibility.HIDDEN;
        }
    }

    private static Status status(String s) {
        return switch (s) {
            case "pass" -> Status.PASS;
            case "error" -> Status.ERROR;
            default -> Status.FAIL;
        };
    }
}
