package grade.cli;

import grade.terminal.Console;
import com.google.gson.JsonObject;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.terminal.Style;
import grade.report.TestResult;
import grade.engine.Grading;
import grade.engine.Sources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Check the course (for instructors and CI).",
    "Every reference solution passes all its hidden tests, every starter compiles and earns",
    "nothing (it fails every test), every known-wrong solution (solutions/dayNN/EXERCISE/wrong/NAME/)",
    "fails, and every exercise has both statements and at least two hints. The days that pass are",
    "recorded with a fingerprint of the course: grade dist and grade export gradescope need them all."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade verify", "  ./grade verify day03 day04", "  ./grade verify day03 --format json"})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "DAY", description = "Only these days (default: the whole course).")
    List<String> days = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    GradeCommand.Format format = GradeCommand.Format.text;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Grading runs side by side (default: 3 per core, ${DEFAULT-VALUE}: most of a run is waiting).")
    int jobs = 3 * Runtime.getRuntime().availableProcessors();

    /** One check of one exercise. */
    record Check(String exercise, String name, boolean ok, String detail, long millis) {
        Check(String exercise, String name, boolean ok, String detail) {
            this(exercise, name, ok, detail, 0);
        }
    }

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        List<Exercise> chosen = ctx.select(days, List.of());
        PrintStream out = Console.out();
        Style style = common.style();
        boolean json = format == GradeCommand.Format.json;
        PrintStream log = json ? Console.err() : out;
        if (jobs < 1) {
            throw new UserError("--jobs must be 1 or more");
        }
        long start = System.nanoTime();
        Compiler compiler = new Compiler(ctx.cacheFor(Optional.empty()));
        // A solution's run is long (every test runs); it gets a test JVM per core. A known-wrong
        // solution is proven wrong by its first failing test. A starter must fail every test (it
        // must earn nothing), so all its tests run, but they fail at once. Such runs are short and
        // mostly wait, so they get one test JVM each (a test JVM costs half a second of a core)
        // and many of them go side by side (--jobs).
        Grading grading = new Grading(compiler).testJvms(Runtime.getRuntime().availableProcessors());
        Grading failing = new Grading(compiler).failFast(true);
        Grading starting = new Grading(compiler);
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        chosen.forEach(e -> checks.put(e.id(), new ArrayList<>()));

        for (Exercise e : chosen) {
            boolean enough = e.hints().size() >= 2;
            add(checks, new Check(e.id(), "has two hints or more", enough,
                    enough ? "" : rel(ctx, e.dir().resolve("exercise.json")) + " has " + e.hints().size() + " hint(s); give at least two, from a nudge to nearly the answer"));
        }
        log.println(style.dim(grade.engine.Sandbox.describe(common.sandbox()) + " · " + jobs + (jobs == 1 ? " run" : " runs") + " at a time"));
        Path timesFile = ctx.cacheFor(Optional.empty()).resolve("verify-times.json");
        Map<String, Long> lastTimes = readTimes(timesFile);
        Map<String, Long> times = new java.util.concurrent.ConcurrentHashMap<>(lastTimes);
        List<Job> plan = plan(ctx, chosen);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            Map<Job, Future<GradeReport>> reports = new java.util.IdentityHashMap<>();
            for (Job job : longestFirst(plan, lastTimes)) {
                reports.put(job, pool.submit(() -> {
                    long t = System.nanoTime();
                    Grading g = switch (job.kind()) {
                        case SOLUTION -> grading;
                        case STARTER -> starting;
                        case WRONG -> failing;
                    };
                    GradeReport r = g.grade(job.exercises(), job.sources());
                    long took = (System.nanoTime() - t) / 1_000_000;
                    times.put(job.label(), took);
                    synchronized (log) {
                        log.println(style.dim("  graded " + job.label() + " in "
                                + String.format(java.util.Locale.ROOT, "%.1f s", took / 1000.0)));
                    }
                    return r;
                }));
            }
            for (Job job : plan) { // in the plan's order, so that the checks come in the same order every time
                record(checks, job, reports.get(job).get());
            }
        } finally {
            pool.shutdownNow();
        }
        writeTimes(timesFile, times);
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean allOk = checks.values().stream().flatMap(List::stream).allMatch(Check::ok);
        recordDays(ctx, chosen, checks);
        if (json) {
            out.println(VerifyReport.json(checks, allOk, millis));
        } else {
            VerifyReport.print(out, style, checks, allOk, millis);
        }
        return allOk ? 0 : Main.FAILED;
    }

    /**
     * The plan with its longest runs first, by how long each took the last time (runs not seen
     * before count as long): with many runs side by side, a long one started last would hold
     * up the end.
     */
    static List<Job> longestFirst(List<Job> plan, Map<String, Long> lastTimes) {
        List<Job> sorted = new ArrayList<>(plan);
        sorted.sort(java.util.Comparator.comparingLong((Job j) -> -lastTimes.getOrDefault(j.label(), Long.MAX_VALUE / 2)));
        return sorted;
    }

    private static Map<String, Long> readTimes(Path file) {
        Map<String, Long> times = new java.util.HashMap<>();
        try {
            JsonObject o = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file)).getAsJsonObject();
            o.entrySet().forEach(e -> times.put(e.getKey(), e.getValue().getAsLong()));
        } catch (java.io.IOException | RuntimeException e) {
            // none yet, or unreadable: the plan's own order
        }
        return times;
    }

    private static void writeTimes(Path file, Map<String, Long> times) {
        JsonObject o = new JsonObject();
        new java.util.TreeMap<>(times).forEach(o::addProperty);
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            OutputFile.write(file, o.toString());
        } catch (java.io.IOException | RuntimeException e) {
            // only an order for next time
        }
    }

    /** One grading run of the plan: a day's solutions, its starters, or one round of its known-wrong solutions. */
    record Job(String label, Kind kind, List<Exercise> exercises, Sources sources, Map<String, Path> wrong) {
    }

    enum Kind { SOLUTION, STARTER, WRONG }

    /** Runs per day, so independent runs can go side by side: solutions, starters, then wrong rounds. */
    private static List<Job> plan(Context ctx, List<Exercise> chosen) {
        List<Job> plan = new ArrayList<>();
        Map<String, List<Exercise>> byDay = new LinkedHashMap<>();
        chosen.forEach(e -> byDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
        for (Map.Entry<String, List<Exercise>> day : byDay.entrySet()) {
            List<Exercise> ex = day.getValue();
            plan.add(new Job(day.getKey() + " solutions", Kind.SOLUTION, ex, Sources.solutions(ctx.course), Map.of()));
            plan.add(new Job(day.getKey() + " starters", Kind.STARTER, ex, Sources.starters(), Map.of()));
            for (int round = 0; ; round++) {
                Map<String, Path> wrong = new LinkedHashMap<>();
                for (Exercise e : ex) {
                    List<Path> all = ctx.course.wrongSolutions(e);
                    if (round < all.size()) {
                        wrong.put(e.id(), all.get(round));
                    }
                }
                if (wrong.isEmpty()) {
                    break;
                }
                List<Exercise> these = ex.stream().filter(e -> wrong.containsKey(e.id())).toList();
                plan.add(new Job(day.getKey() + " known-wrong solutions, round " + (round + 1), Kind.WRONG, these,
                        new Sources("known-wrong solutions", e -> wrong.get(e.id())), wrong));
            }
        }
        // the longest runs first, so that none of them is left to run alone at the end
        List<Job> ordered = new ArrayList<>(plan.stream().filter(j -> j.kind() == Kind.SOLUTION).toList());
        plan.stream().filter(j -> j.kind() != Kind.SOLUTION).forEach(ordered::add);
        return ordered;
    }

    private static void record(Map<String, List<Check>> checks, Job job, GradeReport report) {
        for (ExerciseResult r : report.exercises()) {
            String id = r.exercise().id();
            switch (job.kind()) {
                case SOLUTION -> add(checks, new Check(id, "the solution passes", r.status() == Status.PASS,
                        r.status() == Status.PASS ? r.tests().size() + " tests" : problems(r)), r);
                case STARTER -> {
                    boolean ok = r.status() == Status.FAIL && r.cents() == 0;
                    add(checks, new Check(id, "the starter compiles and earns nothing", ok,
                            ok ? "fails all " + r.tests().size() + " tests"
                                    : r.status() == Status.ERROR ? "the starter could not be run: " + r.message()
                                    : starterEarns(r)), r);
                }
                case WRONG -> {
                    String name = job.wrong().get(id).getFileName().toString();
                    boolean ok = r.status() == Status.FAIL;
                    add(checks, new Check(id, "the wrong solution \"" + name + "\" fails", ok,
                            ok ? firstFailure(r) : r.status() == Status.PASS
                                    ? "it passes every test: add a test that catches this mistake"
                                    : "it could not be run (a wrong solution must compile and fail a test): " + r.message()), r);
                }
            }
        }
    }

    private static void add(Map<String, List<Check>> checks, Check c) {
        checks.get(c.exercise()).add(c);
    }

    /** A check made by grading: it carries how long that exercise's tests took. */
    private static void add(Map<String, List<Check>> checks, Check c, ExerciseResult r) {
        add(checks, new Check(c.exercise(), c.name(), c.ok(), c.detail(), r.tests().stream().mapToLong(TestResult::millis).sum()));
    }

    private static String problems(ExerciseResult r) {
        if (r.tests().isEmpty()) {
            return r.message();
        }
        StringBuilder sb = new StringBuilder(r.message());
        for (TestResult t : r.tests()) {
            if (t.status() != Status.PASS) {
                sb.append("\n- ").append(t.name()).append(": ").append(grade.kit.Text.cut(t.message(), 1500));
            }
        }
        return sb.toString();
    }

    /** What a starter that earns points passes, and how to make it earn nothing. */
    private static String starterEarns(ExerciseResult r) {
        String passes = r.tests().stream().filter(t -> t.status() == Status.PASS).map(t -> "\"" + t.name() + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        return "the starter earns " + grade.report.Scoring.showCents(r.cents()) + " of " + r.maxScore() + " points: it passes " + passes
                + ". A learner who wrote nothing must earn nothing: make the starter's TODOs throw, or return or print what no test"
                + " accepts (keep the tests as they are)";
    }

    /** Records which days passed every check, with the course's fingerprint, for grade dist and grade export. */
    private static void recordDays(Context ctx, List<Exercise> chosen, Map<String, List<Check>> checks) {
        Map<String, Boolean> days = new java.util.TreeMap<>();
        chosen.forEach(e -> days.merge(e.day(), checks.get(e.id()).stream().allMatch(Check::ok), Boolean::logicalAnd));
        try {
            grade.course.Verified.record(ctx.home, grade.batch.Fingerprint.course(ctx.home), days);
        } catch (java.io.IOException | RuntimeException e) {
            Console.err().println("grade: could not record what verify found (" + e.getMessage() + "); grade dist will ask for it again");
        }
    }

    private static String firstFailure(ExerciseResult r) {
        return r.tests().stream().filter(t -> t.status() != Status.PASS).findFirst()
                .map(t -> "caught by \"" + t.name() + "\"").orElse("");
    }

    private static String rel(Context ctx, Path p) {
        return ctx.home.relativize(p).toString();
    }
}
