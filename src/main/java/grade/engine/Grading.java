package grade.engine;

import grade.compile.CompileResult;
import grade.compile.Compiler;
import grade.course.Course;
import grade.course.Exercise;
import grade.course.Lang;
import grade.hidden.HiddenTests;
import grade.hidden.HiddenTests.HiddenTest;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * One grade, in one direction: compile each exercise on its own (one that does not compile does
 * not stop the others), read which hidden tests it has, run them in test JVMs, and gather one
 * report of every test's result.
 *
 * <p>The test JVMs are started before compiling, so that their start-up overlaps the compiler's
 * work; they wait for their work on their channel. Independent exercises run in up to
 * {@link #testJvms} JVMs side by side, each exercise in one JVM.
 */
public final class Grading implements AutoCloseable {
    private final Compiler compiler;
    private final Settings settings;
    private Course course;
    private int testJvms = 1;
    private boolean keepReady;
    private TestRun ready;
    private Sources readyFor;
    private Path outbox;

    public Grading(Compiler compiler, Settings settings) {
        this.compiler = compiler;
        this.settings = settings;
    }

    /**
     * Run the exercises' tests in up to {@code n} test JVMs side by side (each exercise stays in
     * one JVM). One JVM is cheapest for a single exercise; two halve a day's wait on two cores.
     */
    public Grading testJvms(int n) {
        this.testJvms = Math.max(1, n);
        return this;
    }

    /**
     * The exercises of {@code course} own their files; every other {@code .java} file in a day's
     * folder of the sources is the learner's own (a helper class), compiled with each exercise of
     * that day. Without a course, only the files an exercise names are compiled.
     */
    public Grading course(Course course) {
        this.course = course;
        return this;
    }

    /**
     * After each grade, start the next test JVM at once and let it warm up, so that the next
     * grade of the same sources finds one ready (watch mode). {@link #close} ends it.
     */
    public Grading keepReady(boolean on) {
        this.keepReady = on;
        return this;
    }

    /** Ends a test JVM kept ready. */
    @Override
    public synchronized void close() {
        if (ready != null) {
            ready.close();
            ready = null;
        }
    }

    public GradeReport grade(List<Exercise> exercises, Sources sources) throws IOException, InterruptedException {
        return grade(exercises, sources.label(), sources, e -> {
            List<String> missing = missingFiles(e, sources);
            if (!missing.isEmpty()) {
                return new Built(null, ExerciseResult.missing(e, missing, settings.lang()));
            }
            CompileResult c = compiler.compile(e.id(), sources.root(e), e.files(),
                    course == null ? List.of() : course.ownFiles(sources.root(e), e.day()));
            return c.ok() ? new Built(c, null)
                    : new Built(null, ExerciseResult.error(e, pick("did not compile:\n", "没有编译通过：\n") + String.join("\n", c.errors())));
        });
    }

    /**
     * Grades classes compiled already instead of sources, the rest exactly as {@link #grade}:
     * {@code compiled} gives each exercise's classes as compiled (its programs run them) and the
     * copy the test JVM loads, made by {@link grade.compile.ExitCalls#copyRewritten}. A mutant of a
     * reference solution is graded this way ({@code grade mutants}).
     */
    public GradeReport gradeCompiled(List<Exercise> exercises, String label, Function<Exercise, CompileResult> compiled)
            throws IOException, InterruptedException {
        return grade(exercises, label, null, e -> new Built(compiled.apply(e), null));
    }

    /**
     * What learner code leaves in its run's outbox (the folder {@code outbox} beside its class
     * folders) is copied into {@code into} when the run ends, before its scratch folder goes: the
     * lines a coverage run ran ({@code grade mutants}). Without it, the outbox goes with the run.
     */
    public Grading keepOutbox(Path into) {
        this.outbox = into;
        return this;
    }

    /** An exercise's classes, or why it cannot be run. */
    private record Built(CompileResult classes, ExerciseResult failed) {
    }

    private interface Build {
        Built of(Exercise e) throws IOException;
    }

    private GradeReport grade(List<Exercise> exercises, String label, Sources sources, Build build) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Optional<Path> workspace = sources == null ? Optional.empty() : sources.workspace();
        List<TestRun> runs = new ArrayList<>();
        try {
            TestRun kept = take(sources);
            if (kept != null) {
                runs.add(kept);
            }
            while (runs.size() < Math.min(testJvms, exercises.size())) {
                runs.add(new TestRun(settings, workspace).keepOutbox(outbox).prestart(false));
            }
            Map<String, ExerciseResult> done = new LinkedHashMap<>();
            Map<String, List<HiddenTest>> plans = new LinkedHashMap<>();
            List<TestRun.Unit> units = new ArrayList<>();
            for (Exercise e : exercises) {
                Built b = build.of(e);
                if (b.failed() != null) {
                    done.put(e.id(), b.failed());
                    continue;
                }
                CompileResult c = b.classes();
                try {
                    plans.put(e.id(), HiddenTests.of(e.tests()));
                } catch (HiddenTests.Missing m) {
                    done.put(e.id(), ExerciseResult.error(e, m.getMessage()));
                    continue;
                }
                units.add(new TestRun.Unit(e.id(), c.classes(), c.guarded(), e.tests(), e.timeoutSeconds()));
                done.put(e.id(), null);
            }
            Map<String, TestRun.Reported> reported = run(runs, units, exercises);
            Verdicts verdicts = new Verdicts(settings.lang(), settings.limits());
            for (Exercise e : exercises) {
                if (done.get(e.id()) == null) {
                    TestRun.Reported r = reported.get(e.id());
                    long ms = r.results().stream().mapToLong(grade.protocol.Message.Result::millis).sum();
                    done.put(e.id(), verdicts.exercise(e, plans.get(e.id()), r, ms));
                }
            }
            return new GradeReport(label, List.copyOf(done.values()), (System.nanoTime() - start) / 1_000_000);
        } finally {
            runs.forEach(TestRun::close);
            if (keepReady) {
                synchronized (this) {
                    close();
                    ready = new TestRun(settings, workspace).prestart(true);
                    readyFor = sources;
                }
            }
        }
    }

    /**
     * The files of {@code e} that {@code sources} lack. Such an exercise earns nothing, the same
     * in every way of grading, and no starter is ever graded in its place.
     */
    static List<String> missingFiles(Exercise e, Sources sources) {
        return e.files().stream().filter(f -> !java.nio.file.Files.isRegularFile(sources.root(e).resolve(f))).toList();
    }

    /** Deals the units out in turn to the started test JVMs and runs them side by side. */
    private Map<String, TestRun.Reported> run(List<TestRun> runs, List<TestRun.Unit> units, List<Exercise> exercises)
            throws IOException, InterruptedException {
        int groups = Math.min(runs.size(), units.size());
        List<List<TestRun.Unit>> dealt = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            dealt.add(new ArrayList<>());
        }
        for (int i = 0; i < units.size(); i++) {
            dealt.get(i % groups).add(units.get(i));
        }
        List<Callable<TestRun.Outcome>> work = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            TestRun run = runs.get(i);
            List<TestRun.Unit> group = dealt.get(i);
            List<Exercise> these = exercises.stream()
                    .filter(e -> group.stream().anyMatch(u -> u.exerciseId().equals(e.id()))).toList();
            work.add(() -> run.run(group, deadline(these)));
        }
        Map<String, TestRun.Reported> out = new LinkedHashMap<>();
        for (TestRun.Outcome o : Jobs.run(groups, work)) {
            out.putAll(o.exercises());
        }
        return out;
    }

    private synchronized TestRun take(Sources sources) {
        TestRun r = ready;
        ready = null;
        if (r != null && (sources == null || sources != readyFor)) {
            r.close();
            return null;
        }
        return r;
    }

    /** The run's deadline: generous enough for every test to hit its own timeout a few times. */
    static int deadline(List<Exercise> exercises) {
        return 60 + exercises.stream().mapToInt(e -> 3 * e.timeoutSeconds()).sum();
    }

    private String pick(String en, String zh) {
        return settings.lang() == Lang.ZH ? zh : en;
    }
}
