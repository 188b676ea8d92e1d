package grade.testjvm;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Main class of the forked test JVM.
 *
 * <p>Usage: {@code TestMain RESULTS_FILE UNIT...}, each UNIT {@code SECONDS=TestClass,TestClass}:
 * one exercise's hidden test classes and the timeout of each of its tests. The learner's class
 * folders come in the system property {@code grade.learner.classpath}. Writes one JSON object per
 * line to RESULTS_FILE and a last line {@code {"event":"done"}}; the grader treats a missing last
 * line as a crash of this JVM.
 */
public final class TestMain {
    /** Bytes of learner output kept per test. */
    static final int OUTPUT_CAP = 64 * 1024;
    /** Exit status of this JVM when learner code filled its heap so that the run could not go on. */
    public static final int OUT_OF_MEMORY = 5;

    private TestMain() {
    }

    public static void main(String[] args) throws IOException {
        Path resultsFile = Path.of(args[0]);
        ExitGuard guard = ExitGuard.install();
        PrintStream realErr = System.err;
        Gson gson = new Gson();
        int status = 0;
        try (BufferedWriter out = Files.newBufferedWriter(resultsFile, StandardCharsets.UTF_8)) {
            OutputCapture capture = new OutputCapture(OUTPUT_CAP, Long.getLong("grade.limit.outputBytes", Long.MAX_VALUE),
                    () -> stop(out, "OUTPUT", guard));
            PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
            System.setOut(captured);
            System.setErr(captured);
            Launcher launcher = launcher();
            List<String> units = new ArrayList<>(List.of(args).subList(1, args.length));
            if (units.remove("--warm")) {
                warmUp(launcher);
            }
            if (units.isEmpty()) {
                units = readUnits();
            }
            Set<String> learner = learnerClasses();
            for (String unit : units) {
                long timeout = Long.parseLong(unit.substring(0, unit.indexOf('=')));
                ResultListener listener = new ResultListener(out, gson, capture, learner, timeout);
                List<String> found = new ArrayList<>();
                for (String c : unit.substring(unit.indexOf('=') + 1).split(",")) {
                    if (exists(c)) {
                        found.add(c);
                    } else {
                        listener.classError(c, "the hidden test class " + c + " is not in the grader: rebuild it (delete target/ and run ./grade again)");
                    }
                }
                if (!found.isEmpty()) {
                    FailFast.reset();
                    try {
                        run(launcher, found, timeout, listener);
                    } catch (OutOfMemoryError e) {
                        if (String.valueOf(e.getMessage()).contains("native thread")) {
                            // no thread could be started any more: too many of them for the run's limits
                            stop(out, "TASKS", guard);
                        }
                        throw e;
                    }
                }
            }
            JsonObject done = new JsonObject();
            done.addProperty("event", "done");
            writeLine(out, gson.toJson(done));
        } catch (OutOfMemoryError e) {
            status = OUT_OF_MEMORY; // learner code filled the heap: too little is left to report anything more
        } catch (Throwable t) {
            realErr.println("grade test runner failed: " + t);
            t.printStackTrace(realErr);
            status = 3;
        } finally {
            grade.kit.LearnerProgram.destroyAll();
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            if (guard != null) {
                guard.open();
            }
            Runtime.getRuntime().halt(status);
        }
    }

    /** Writes one line of results, whole, whichever thread writes. */
    static void writeLine(BufferedWriter out, String line) {
        synchronized (out) {
            try {
                out.write(line);
                out.newLine();
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * Ends the run at once because learner code hit a limit this JVM holds itself: records which
     * (the grader words the verdict) and halts, ending the learner's programs first.
     */
    private static void stop(BufferedWriter out, String limit, ExitGuard guard) {
        JsonObject o = new JsonObject();
        o.addProperty("event", "limit");
        o.addProperty("limit", limit);
        try {
            writeLine(out, o.toString());
        } finally {
            grade.kit.LearnerProgram.destroyAll();
            if (guard != null) {
                guard.open();
            }
            Runtime.getRuntime().halt(4);
        }
    }

    /**
     * A launcher with Jupiter alone and no listener or filter found on the class path: nothing to
     * look for at start-up, and nothing on the class path can join the run.
     */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new org.junit.jupiter.engine.JupiterTestEngine())
                .build());
    }

    /**
     * The units from the first line of stdin, which the grader writes once the learner's classes
     * are in place (so the JVM can start before they are compiled); then stdin is at its end.
     */
    private static List<String> readUnits() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = System.in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return List.of(line.toString().strip().split(" +")).stream().filter(u -> !u.isEmpty()).toList();
    }

    /** Runs the warm-up tests with nobody listening, so that the real run finds its classes loaded. */
    private static void warmUp(Launcher launcher) {
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(Warmup.class))
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build());
        } catch (RuntimeException e) {
            // a warm-up only
        } finally {
            System.out.flush();
        }
    }

    private static void run(Launcher launcher, List<String> classes, long timeout, ResultListener listener) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.include", FailFast.class.getName())
                // pruning reads every failure's stack trace on JUnit's own thread: a learner throwable may loop there
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false")
                .configurationParameter("junit.jupiter.testmethod.order.default", SourceOrder.class.getName())
                .build();
        launcher.execute(request, listener);
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Binary names of the learner's top-level classes, to pick their frames out of a stack trace. */
    private static Set<String> learnerClasses() throws IOException {
        Set<String> names = new HashSet<>();
        String cp = System.getProperty("grade.learner.classpath", "");
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path root = Path.of(entry);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '.');
                    String name = rel.substring(0, rel.length() - ".class".length());
                    names.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                });
            }
        }
        return names;
    }
}
