package grade.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.report.Style;
import grade.report.TestResult;
import grade.run.Grading;
import grade.workspace.Sources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = {"Check the course (for instructors and CI).",
    "Every reference solution passes all its hidden tests, every starter compiles and fails at",
    "least one, every known-wrong solution (solutions/dayNN/EXERCISE/wrong/NAME/) fails, and every",
    "exercise has both statements and at least two hints."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade verify", "  ./grade verify day03 day04", "  ./grade verify day03 --format json"})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "DAY", description = "Only these days (default: the whole course).")
    List<String> days = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    GradeCommand.Format format = GradeCommand.Format.text;

    /** One check of one exercise. */
    record Check(String exercise, String name, boolean ok, String detail) {
    }

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        List<Exercise> chosen = ctx.select(days, List.of());
        PrintStream out = Console.out();
        Style style = common.style();
        boolean json = format == GradeCommand.Format.json;
        PrintStream log = json ? Console.err() : out;
        long start = System.nanoTime();
        Grading grading = new Grading(new Compiler(ctx.cacheFor(Optional.empty())));
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        chosen.forEach(e -> checks.put(e.id(), new ArrayList<>()));

        for (Exercise e : chosen) {
            boolean enough = e.hints().size() >= 2;
            add(checks, new Check(e.id(), "has two hints or more", enough,
                    enough ? "" : rel(ctx, e.dir().resolve("exercise.json")) + " has " + e.hints().size() + " hint(s); give at least two, from a nudge to nearly the answer"));
        }
        log.println(style.dim(grade.run.Sandbox.describe(common.sandbox())));
        log.println(style.dim("Grading the reference solutions of " + chosen.size() + " exercises…"));
        GradeReport solutions = grading.grade(chosen, Sources.solutions(ctx.course));
        for (ExerciseResult r : solutions.exercises()) {
            add(checks, new Check(r.exercise().id(), "the solution passes", r.status() == Status.PASS,
                    r.status() == Status.PASS ? r.tests().size() + " tests" : problems(r)));
        }
        log.println(style.dim("Grading the starters…"));
        GradeReport starters = grading.grade(chosen, Sources.starters());
        for (ExerciseResult r : starters.exercises()) {
            boolean ok = r.status() == Status.FAIL;
            add(checks, new Check(r.exercise().id(), "the starter compiles and fails", ok,
                    ok ? r.passed() + "/" + r.tests().size() + " tests pass" : r.status() == Status.PASS
                            ? "the starter passes every test: the tests cannot tell an unwritten exercise from a written one"
                            : "the starter could not be run: " + r.message()));
        }
        for (int round = 0; ; round++) {
            Map<String, Path> wrong = new LinkedHashMap<>();
            for (Exercise e : chosen) {
                List<Path> all = ctx.course.wrongSolutions(e);
                if (round < all.size()) {
                    wrong.put(e.id(), all.get(round));
                }
            }
            if (wrong.isEmpty()) {
                break;
            }
            log.println(style.dim("Grading known-wrong solutions, round " + (round + 1) + " (" + wrong.size() + ")…"));
            List<Exercise> these = chosen.stream().filter(e -> wrong.containsKey(e.id())).toList();
            GradeReport report = grading.grade(these, new Sources("known-wrong solutions", e -> wrong.get(e.id())));
            for (ExerciseResult r : report.exercises()) {
                String name = wrong.get(r.exercise().id()).getFileName().toString();
                boolean ok = r.status() == Status.FAIL;
                add(checks, new Check(r.exercise().id(), "the wrong solution \"" + name + "\" fails", ok,
                        ok ? firstFailure(r) : r.status() == Status.PASS
                                ? "it passes every test: add a test that catches this mistake"
                                : "it could not be run (a wrong solution must compile and fail a test): " + r.message()));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        boolean allOk = checks.values().stream().flatMap(List::stream).allMatch(Check::ok);
        if (json) {
            out.println(json(checks, allOk, millis));
        } else {
            print(out, style, checks, allOk, millis);
        }
        return allOk ? 0 : Main.FAILED;
    }

    private static void add(Map<String, List<Check>> checks, Check c) {
        checks.get(c.exercise()).add(c);
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
                cs.add(y);
            }
            x.add("checks", cs);
            exercises.add(x);
        }
        root.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
