package grade.verify;

import grade.compile.Compiler;
import grade.course.Course;
import grade.course.Exercise;
import grade.course.WrongSolution;
import grade.engine.Grading;
import grade.hidden.HiddenTests;
import grade.engine.Jobs;
import grade.engine.Settings;
import grade.kit.Text;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.report.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.commons.io.file.PathUtils;

/**
 * Checks a course: every reference solution passes all its hidden tests, every starter compiles
 * and fails, every known-wrong solution fails, every exercise has at least two hints; and warns
 * of a reference solution's test that took more than half its time, which a slower machine could
 * turn into a failure. It checks {@code course} under {@code settings}, keeping compiled classes
 * and the last times in {@code cache}.
 */
public record Verify(Course course, Settings settings, Path cache) {

    /** Runs every check of {@code chosen}; {@code progress} hears of each grading run as it ends. */
    public VerifyReport run(List<Exercise> chosen, Consumer<String> progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        for (Exercise e : chosen) {
            checks.put(e.id(), new ArrayList<>());
            boolean enough = e.hints().size() >= 2;
            checks.get(e.id()).add(new Check(e.id(), settings.lang().pick("has two hints or more", "至少有两条提示"), enough, enough ? ""
                    : course.home().relativize(e.dir().resolve("exercise.json")) + " has " + e.hints().size()
                    + " hint(s); give at least two, from a nudge to nearly the answer"));
            checks.get(e.id()).add(chineseNames(e));
        }
        Path timesFile = cache.resolve("verify-times.json");
        Map<String, Long> lastTimes = Plan.readTimes(timesFile);
        Map<String, Long> times = new ConcurrentHashMap<>(lastTimes);
        Path scratch = Files.createTempDirectory(Files.createDirectories(cache), "known-wrong-");
        try {
            return run(chosen, progress, checks, warnings, lastTimes, times, timesFile, scratch, start);
        } finally {
            PathUtils.deleteDirectory(scratch);
        }
    }

    private VerifyReport run(List<Exercise> chosen, Consumer<String> progress, Map<String, List<Check>> checks,
                             Map<String, List<String>> warnings, Map<String, Long> lastTimes, Map<String, Long> times,
                             Path timesFile, Path scratch, long start) throws IOException, InterruptedException {
        Compiler compiler = new Compiler(cache);
        // A solution's run is long (every test runs); it gets a test JVM per core. A known-wrong
        // solution is proven wrong by its first failing test. A starter must fail every test (it
        // must earn nothing), so all its tests run, but they fail at once. Such runs are short and
        // mostly wait, so they get one test JVM each, and many go side by side (jobs).
        Grading grading = new Grading(compiler, settings).course(course).testJvms(Runtime.getRuntime().availableProcessors());
        Grading failing = new Grading(compiler, settings.withFailFast(true)).course(course);
        Grading starting = new Grading(compiler, settings).course(course); // a starter must fail every test: all of them run
        List<Plan.Job> plan = Plan.of(course, chosen, scratch, (w, why) -> checks.get(w.exercise().id())
                .add(new Check(w.exercise().id(), wrongFails(w), false, course.home().relativize(w.source()) + " " + why.getMessage())));
        List<Plan.Job> ordered = Plan.longestFirst(plan, lastTimes);
        List<Callable<GradeReport>> work = new ArrayList<>();
        for (Plan.Job job : ordered) {
            work.add(() -> {
                long t = System.nanoTime();
                Grading g = switch (job.kind()) {
                    case SOLUTION -> grading;
                    case STARTER -> starting;
                    case WRONG -> failing;
                };
                GradeReport r = g.grade(job.exercises(), job.sources());
                long took = (System.nanoTime() - t) / 1_000_000;
                times.put(job.label(), took);
                progress.accept(settings.lang().pick("graded " + job.label() + " in ", "评完了 " + job.label(settings.lang()) + "，用时 ") + Text.seconds(took));
                return r;
            });
        }
        List<GradeReport> reports = Jobs.run(settings.jobs(), work);
        Map<Plan.Job, GradeReport> byJob = new IdentityHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byJob.put(ordered.get(i), reports.get(i));
        }
        for (Plan.Job job : plan) { // in the plan's order, so that the checks come in the same order every time
            record(checks, warnings, job, byJob.get(job));
        }
        Plan.writeTimes(timesFile, times);
        recordDays(chosen, checks);
        return new VerifyReport(checks, warnings, (System.nanoTime() - start) / 1_000_000);
    }

    /** Records which days passed every check, with the course's fingerprint, for grade dist and grade export. */
    private void recordDays(List<Exercise> chosen, Map<String, List<Check>> checks) {
        Map<String, Boolean> days = new java.util.TreeMap<>();
        chosen.forEach(e -> days.merge(e.day(), checks.get(e.id()).stream().allMatch(Check::ok), Boolean::logicalAnd));
        try {
            grade.course.Verified.record(course.home(), grade.batch.Fingerprint.course(course.home()), days);
        } catch (IOException | RuntimeException e) {
            System.err.println("grade: could not record what verify found (" + e.getMessage() + "); grade dist will ask for it again");
        }
    }

    private void record(Map<String, List<Check>> checks, Map<String, List<String>> warnings, Plan.Job job, GradeReport report) {
        for (ExerciseResult r : report.exercises()) {
            String id = r.exercise().id();
            Check c = switch (job.kind()) {
                case SOLUTION -> new Check(id, settings.lang().pick("the solution passes", "参考答案全部通过"), r.status() == Status.PASS,
                        r.status() == Status.PASS ? r.tests().size() + " tests" : problems(r));
                case STARTER -> new Check(id, settings.lang().pick("the starter compiles and earns nothing", "初始文件能编译，但得 0 分"), r.status() == Status.FAIL && r.cents() == 0,
                        r.status() == Status.FAIL && r.cents() == 0 ? "fails all " + r.tests().size() + " tests"
                                : r.status() == Status.ERROR ? "the starter could not be run: " + r.message() : starterEarns(r));
                case WRONG -> wrong(job.wrong().get(id), r);
            };
            checks.get(id).add(new Check(c.exercise(), c.name(), c.ok(), c.detail(), r.tests().stream().mapToLong(TestResult::millis).sum()));
            if (job.kind() == Plan.Kind.SOLUTION) {
                warnings.put(id, slowTests(r));
            }
        }
    }

    /** Every hidden test has a Chinese name beside its English one, for learners who read Chinese first. */
    private Check chineseNames(Exercise e) {
        String name = settings.lang().pick("every hidden test has a Chinese name", "每个隐藏测试都有中文名");
        try {
            List<String> without = HiddenTests.of(e.tests()).stream()
                    .filter(t -> t.nameZh().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .map(t -> t.id() + " (\"" + t.name() + "\")").toList();
            return new Check(e.id(), name, without.isEmpty(), without.isEmpty() ? "" : "these tests have no @Zh(\"...\") with a Chinese"
                    + " name beside their @DisplayName: " + String.join(", ", without));
        } catch (HiddenTests.Missing m) {
            return new Check(e.id(), name, false, m.getMessage());
        }
    }

    /** What a starter that earns points passes, and how to make it earn nothing. */
    private static String starterEarns(ExerciseResult r) {
        String passes = r.tests().stream().filter(t -> t.status() == Status.PASS).map(t -> "\"" + t.name() + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        return "the starter earns " + grade.report.Scoring.showCents(r.cents()) + " of " + r.maxScore() + " points: it passes " + passes
                + ". A learner who wrote nothing must earn nothing: make the starter's TODOs throw, or return or print what no test"
                + " accepts (keep the tests as they are)";
    }

    private Check wrong(WrongSolution w, ExerciseResult r) {
        boolean ok = r.status() == Status.FAIL;
        return new Check(w.exercise().id(), wrongFails(w), ok, ok ? firstFailure(r) : (w.mistake().isEmpty() ? "" : w.mistake() + "\n")
                + (r.status() == Status.PASS ? "it passes every test: add a test that catches this mistake"
                : "it could not be run (a wrong solution must compile and fail a test): " + r.message()));
    }

    private String wrongFails(WrongSolution w) {
        return settings.lang().pick("the wrong solution \"" + w.name() + "\" fails", "错误答案 \"" + w.name() + "\" 没有通过");
    }

    /** A reference solution's tests that took more than half their time: a slower machine could fail them. */
    static List<String> slowTests(ExerciseResult r) {
        long budget = r.exercise().timeoutSeconds() * 1000L;
        return r.tests().stream().filter(t -> t.millis() * 2 > budget)
                .map(t -> "the reference solution's test \"" + t.name() + "\" took " + Text.seconds(t.millis())
                        + " of its " + r.exercise().timeoutSeconds() + " s: a slower machine could fail it; give the exercise a longer timeout"
                        + " or make the test wait less")
                .toList();
    }

    private static String problems(ExerciseResult r) {
        if (r.tests().isEmpty()) {
            return r.message();
        }
        StringBuilder sb = new StringBuilder(r.message());
        for (TestResult t : r.tests()) {
            if (t.status() != Status.PASS) {
                sb.append("\n- ").append(t.name()).append(": ").append(Text.cut(t.message(), 1500));
            }
        }
        return sb.toString();
    }

    private static String firstFailure(ExerciseResult r) {
        return r.tests().stream().filter(t -> t.status() != Status.PASS).findFirst()
                .map(t -> "caught by \"" + t.name() + "\"").orElse("");
    }
}
