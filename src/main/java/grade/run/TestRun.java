package grade.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.report.Status;
import grade.report.TestResult;
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
public final class TestRun {
    /** Bytes of the test JVM's own stdout/stderr kept for a crash report. */
    private static final int JVM_OUTPUT_CAP = 16 * 1024;

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");

    private final ProcessTree tree = new ProcessTree();
    private final List<Path> hidden = new ArrayList<>(List.of(Path.of(System.getProperty("user.home"))));
    private final Limits limits;

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

    /** One exercise's compiled classes and its hidden test classes. */
    public record Unit(String exerciseId, Path classes, List<String> testClasses, int timeoutSeconds) {
    }

    /** Results by exercise id, in the order the tests ran. */
    public record Outcome(Map<String, List<TestResult>> results, long millis) {
    }

    /**
     * Runs every unit's tests in one test JVM; every unit gets a result list, also after a crash.
     * The run's deadline is {@code deadlineSeconds}, or the limits' own when they set one.
     */
    public Outcome run(List<Unit> units, int deadlineSeconds) throws IOException, InterruptedException {
        if (limits.runSeconds() > 0) {
            deadlineSeconds = limits.runSeconds();
        }
        long start = System.nanoTime();
        Path scratch = Files.createTempDirectory("grade-run-");
        Map<String, String> exerciseOfClass = new LinkedHashMap<>();
        Map<String, List<TestResult>> results = new LinkedHashMap<>();
        for (Unit u : units) {
            results.put(u.exerciseId(), new ArrayList<>());
            u.testClasses().forEach(c -> exerciseOfClass.put(c, u.exerciseId()));
        }
        try {
            Path resultsFile = scratch.resolve("results.jsonl");
            Path tmp = Files.createDirectories(scratch.resolve("tmp"));
            Path home = Files.createDirectories(scratch.resolve("home"));
            List<String> command = command(units, resultsFile, tmp, home);
            boolean sandboxed = Sandbox.mode() == Sandbox.Mode.BWRAP;
            if (sandboxed) {
                List<Path> readable = new ArrayList<>(Sandbox.classPathFiles(System.getProperty("java.class.path")));
                readable.add(Path.of(System.getProperty("java.home")));
                units.forEach(u -> readable.add(u.classes()));
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
            Process p = tree.start(pb, !sandboxed, scratch);
            p.getOutputStream().close(); // learner code reading the test JVM's stdin sees its end
            ByteArrayOutputStream jvmOutput = new ByteArrayOutputStream();
            AtomicLong printed = new AtomicLong();
            Thread drain = drain(p.getInputStream(), jvmOutput, printed);
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
                lastTest = str(o, "name");
                results.get(ex).add(new TestResult(str(o, "name"), status(str(o, "status")), str(o, "message"),
                        str(o, "output"), o.has("millis") ? o.get("millis").getAsLong() : 0));
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
            tree.end();
            org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
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
            case grade.runner.TestMain.OUT_OF_MEMORY -> Limits.Kind.HEAP;
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

    private List<String> command(List<Unit> units, Path resultsFile, Path tmp, Path home) {
        String learnerCp = String.join(File.pathSeparator, units.stream().map(u -> u.classes().toString()).toList());
        List<String> command = new ArrayList<>(limits.osLimits(Files.isExecutable(PRLIMIT) ? PRLIMIT.toString() : null));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-Xmx" + limits.testJvmHeapMb() + "m", "-Djava.security.manager=allow", "-Dfile.encoding=UTF-8",
                "-Dgrade.lang=" + System.getProperty("grade.lang", "en"), "-Duser.home=" + home));
        command.addAll(limits.jvmProperties());
        command.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Dgrade.learner.classpath=" + learnerCp,
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + learnerCp,
                "grade.runner.TestMain", resultsFile.toString()));
        units.forEach(u -> command.add(u.timeoutSeconds() + "=" + String.join(",", u.testClasses())));
        return command;
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

    private static Status status(String s) {
        return switch (s) {
            case "pass" -> Status.PASS;
            case "error" -> Status.ERROR;
            default -> Status.FAIL;
        };
    }
}
