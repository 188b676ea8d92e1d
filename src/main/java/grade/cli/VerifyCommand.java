package grade.cli;

import grade.terminal.Console;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.course.WrongSolution;
import grade.cli.VerifyPlan.Job;
import grade.cli.VerifyPlan.Kind;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.terminal.Style;
import grade.report.TestResult;
import grade.engine.Grading;
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
    "Every reference solution passes all its hidden tests, every starter compiles and fails at",
    "least one, every known-wrong solution (solutions/dayNN/EXERCISE/wrong/NAME.diff: a diff that",
    "plants one mistake in the reference solution) fails, and every exercise has both statements",
    "and at least two hints."},
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
        // A solution's run is long (every test runs); it gets a test JVM per core. A starter or a
        // known-wrong solution is proven wrong by its first failing test; such runs are short and
        // mostly wait, so they get one test JVM each (a test JVM costs half a second of a core)
        // and many of them go side by side (--jobs).
        Grading grading = new Grading(compiler).testJvms(Runtime.getRuntime().availableProcessors());
        Grading failing = new Grading(compiler).failFast(true);
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        chosen.forEach(e -> checks.put(e.id(), new ArrayList<>()));

        for (Exercise e : chosen) {
            boolean enough = e.hints().size() >= 2;
            add(checks, new Check(e.id(), "has two hints or more", enough,
                    enough ? "" : rel(ctx, e.dir().resolve("exercise.json")) + " has " + e.hints().size() + " hint(s); give at least two, from a nudge to nearly the answer"));
        }
        log.println(style.dim(grade.engine.Sandbox.describe(common.sandbox()) + " · " + jobs + (jobs == 1 ? " run" : " runs") + " at a time"));
        Path timesFile = ctx.cacheFor(Optional.empty()).resolve("verify-times.json");
        Map<String, Long> lastTimes = VerifyPlan.readTimes(timesFile);
        Map<String, Long> times = new java.util.concurrent.ConcurrentHashMap<>(lastTimes);
        Path scratch = java.nio.file.Files.createTempDirectory(
                java.nio.file.Files.createDirectories(ctx.cacheFor(Optional.empty())), "known-wrong-");
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Job> plan = VerifyPlan.of(ctx.course, chosen, scratch,
                    (w, why) -> add(checks, new Check(w.exercise().id(), wrongFails(w), false, rel(ctx, w.source()) + " " + why.getMessage())));
            Map<Job, Future<GradeReport>> reports = new java.util.IdentityHashMap<>();
            for (Job job : VerifyPlan.longestFirst(plan, lastTimes)) {
                reports.put(job, pool.submit(() -> {
                    long t = System.nanoTime();
                    GradeReport r = (job.kind() == Kind.SOLUTION ? grading : failing).grade(job.exercises(), job.sources());
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
            org.apache.commons.io.file.PathUtils.deleteDirectory(scratch);
        }
        VerifyPlan.writeTimes(timesFile, times);
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean allOk = checks.values().stream().flatMap(List::stream).allMatch(Check::ok);
        if (json) {
            out.println(json(checks, allOk, millis));
        } else {
            print(out, style, checks, allOk, millis);
        }
        return allOk ? 0 : Main.FAILED;
    }

    private static void record(Map<String, List<Check>> checks, Job job, GradeReport report) {
        for (ExerciseResult r : report.exercises()) {
            String id = r.exercise().id();
            switch (job.kind()) {
                case SOLUTION -> add(checks, new Check(id, "the solution passes", r.status() == Status.PASS,
                        r.status() == Status.PASS ? r.tests().size() + " tests" : problems(r)), r);
                case STARTER -> {
                    boolean ok = r.status() == Status.FAIL;
                    add(checks, new Check(id, "the starter compiles and fails", ok,
                            ok ? firstFailure(r) : r.status() == Status.PASS
                                    ? "the starter passes every test: the tests cannot tell an unwritten exercise from a written one"
                                    : "the starter could not be run: " + r.message()), r);
                }
                case WRONG -> {
                    WrongSolution w = job.wrong().get(id);
                    boolean ok = r.status() == Status.FAIL;
                    add(checks, new Check(id, wrongFails(w), ok,
                            ok ? firstFailure(r) : (w.mistake().isEmpty() ? "" : w.mistake() + "\n") + (r.status() == Status.PASS
                                    ? "it passes every test: add a test that catches this mistake"
                                    : "it could not be run (a wrong solution must compile and fail a test): " + r.message())), r);
                }
            }
        }
    }

    private static String wrongFails(WrongSolution w) {
        return "the wrong solution \"" + w.name() + "\" fails";
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

    private static String firstFailure(ExerciseResult r) {
        return r.tests().stream().filter(t -> t.status() != Status.PASS).findFirst()
                .map(t -> "caught by \"" + t.name() + "\"").orElse("");
    }

    private static String rel(Context ctx, Path p) {
        return ctx.home.relativize(p).toString();
    }

    private static void print(PrintStream out, Style style, Map<String, List<Check>> checks, boolean allOk, long millis) {
        int failed = 0;
        for (Map.Entry<String, List<Check>> e : checks.entrySet()) {
            boolean ok = e.getValue().stream().allMatch(Check::ok);
            out.println((ok ? style.green("✔") : style.red("✘")) + " " + style.bold(e.getKey()) + style.dim("  "
                    + e.getValue().size() + " checks"));
            for (Check c : e.getValue()) {
                if (!c.ok()) {
                    failed++;
                    out.println("    " + style.red("✘") + " " + c.name());
                    out.println(grade.kit.Text.indent(grade.kit.Text.block(c.detail(), 6000), "        "));
                }
            }
        }
        long total = checks.values().stream().mapToLong(List::size).sum();
        out.println();
        String summary = (total - failed) + " passed, " + failed + " failed";
        out.println("verify: " + summary);
        out.println((allOk ? style.green("The course is sound.") : style.red("The course has problems (above)."))
                + style.dim(" " + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0)));
    }

    private static String json(Map<String, List<Check>> checks, boolean allOk, long millis) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("status", allOk ? "pass" : "fail");
        root.addProperty("millis", millis);
        JsonArray exercises = new JsonArray();
        for (Map.Entry<String, List<Check>> e : checks.entrySet()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", e.getKey());
            x.addProperty("status", e.getValue().stream().allMatch(Check::ok) ? "pass" : "fail");
            JsonArray cs = new JsonArray();
            for (Check c : e.getValue()) {
                JsonObject y = new JsonObject();
                y.addProperty("name", c.name());
                y.addProperty("status", c.ok() ? "pass" : "fail");
                y.addProperty("message", c.detail());
                y.addProperty("millis", c.millis());
                cs.add(y);
            }
            x.add("checks", cs);
            exercises.add(x);
        }
        root.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
