package grade.cli;

import grade.report.OutputFile;
import grade.terminal.Console;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.report.ClassroomReport;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.ExercismReport;
import grade.report.GradescopeReport;
import grade.report.JsonReport;
import grade.report.JunitXmlReport;
import grade.report.LearnerView;
import grade.terminal.Style;
import grade.terminal.TerminalReport;
import grade.engine.Grading;
import grade.engine.Settings;
import grade.engine.Sources;
import grade.workspace.State;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "grade", mixinStandardHelpOptions = true, versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = {"Grades the exercises of the course \"IO and network programming\".",
            "Compiles your Java, runs hidden tests against it and explains each failure."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade day03               show and grade the homework of day 3",
            "  ./grade day03 offsets       grade one exercise",
            "  ./grade show day03 tail     read a statement (--lang zh for Chinese)",
            "  ./grade hint day03 tail     a hint, one more each time you ask",
            "  ./grade watch               re-grade on every save",
            "  ./grade reset day03 tail    put back the starter (after a backup)",
            "  ./grade repl day03          JShell with your compiled day03 classes",
            "  ./grade day03 --format json machine-readable results",
            "  ./grade verify              (instructors) solutions pass, starters fail",
            "  ./grade mutants day03       (instructors) do the tests catch small mistakes?",
            "  ./grade new day03 words     (instructors) scaffold a new exercise",
            "  ./grade dist                (instructors) the learners' bundle",
            "  ./grade batch submissions/  (instructors) grade a class into grades.csv",
            "  ./grade report submissions/ (instructors) the class at a glance, report.html",
            "  ./grade export github DIR   (instructors) grade on GitHub Classroom",
            "  ./grade export gradescope day03  (instructors) a Gradescope autograder zip",
            "  source <(./grade completion bash)  complete commands, days and exercises (or zsh)",
            "",
            "Exit status: 0 all passed, 1 something failed, 2 usage or configuration error,",
            "3 internal error, 130 interrupted (Ctrl-C)."})
final class GradeCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in the order help lists them. Main registers only those a command
     * line names (all of them for help): picocli builds each one's model by reflection, which
     * would cost a learner a fifth of a second on every grade.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = orderedCommands();

    private static java.util.Map<String, Class<?>> orderedCommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("show", ShowCommand.class);
        m.put("list", ListCommand.class);
        m.put("hint", HintCommand.class);
        m.put("reset", ResetCommand.class);
        m.put("watch", WatchCommand.class);
        m.put("repl", ReplCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("mutants", MutantsCommand.class);
        m.put("new", NewCommand.class);
        m.put("dist", DistCommand.class);
        m.put("batch", BatchCommand.class);
        m.put("report", ReportCommand.class);
        m.put("export", ExportCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("help", picocli.CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DAY", description = "The day to grade, such as day03.")
    String day;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "EXERCISE", description = "Only these exercises of the day, such as offsets.")
    List<String> exercises = new ArrayList<>();

    @Option(names = "--solutions", description = "Grade the reference solutions instead of a workspace (for instructors).")
    boolean solutions;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json, junit (JUnit XML), gradescope (results.json), exercism (results.json, version 2) or classroom (GitHub Classroom's autograding result); default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE instead of stdout.")
    java.nio.file.Path output;

    @Option(names = "--reveal", description = "Show hidden tests in full: names, messages, output (for instructors; not in a learners' bundle).")
    boolean reveal;

    @Option(names = "--submission", paramLabel = "DIR",
            description = "Grade the files found in DIR instead of a workspace: dayNN/Name.java anywhere in it, else Name.java anywhere"
                    + " (a submission as Gradescope or Exercism hands it over). A file not found is missing: its exercise earns nothing.")
    java.nio.file.Path submission;

    @Option(names = "--due-date-from", paramLabel = "FILE",
            description = "With --format gradescope: tests hidden until a date are hidden until the assignment's due date in FILE"
                    + " (Gradescope's submission_metadata.json) instead.")
    java.nio.file.Path dueDateFrom;

    enum Format { text, json, junit, gradescope, exercism, classroom }

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        PrintStream out = Console.out();
        Settings settings = common.settings();
        if (day == null) {
            return new ListCommand().print(ctx, out, common.style());
        }
        ctx.day(day, SUBCOMMANDS.keySet()); // a mistyped command is not taken for a day
        List<Exercise> chosen = ctx.select(List.of(day), exercises);
        if (solutions && !java.nio.file.Files.isDirectory(ctx.course.solutions())) {
            throw new UserError("this copy of the course has no reference solutions (it is a learners' bundle), so --solutions cannot be graded");
        }
        if (reveal && !java.nio.file.Files.isDirectory(ctx.course.solutions())) {
            throw new UserError("--reveal is for instructors, and this copy of the course is a learners' bundle: grade without it");
        }
        if (submission != null && (solutions || common.workspace != null)) {
            throw new UserError("--submission grades the files of a submission: it goes with neither --solutions nor --workspace");
        }
        if (dueDateFrom != null && format != Format.gradescope) {
            throw new UserError("--due-date-from is for --format gradescope: only Gradescope knows the assignment's due date");
        }
        boolean json = format != Format.text || output != null;
        PrintStream log = json ? Console.err() : out;
        Optional<Workspace> ws = solutions || submission != null ? Optional.empty() : ctx.workspace(true, log);
        Optional<State> state = ws.map(State::load);
        state.map(State::warning).ifPresent(w -> Console.err().println("grade: " + w));
        Style style = common.style();
        if (!json && state.isPresent() && state.get().firstShowing(chosen.get(0).day())) {
            ShowCommand.printHomework(ctx, chosen, out, style, common.lang());
        }
        Sources sources = solutions ? Sources.solutions(ctx.course) : submission != null ? submitted(chosen, log) : Sources.of(ws.get());
        if (!json) {
            out.println(style.dim(settings.lang().pick("Grading ", "评分：") + describe(chosen, settings.lang()) + " · "
                    + sources.label(settings.lang()) + " · " + grade.engine.Sandbox.describe(settings.sandbox(), settings.lang())));
            out.println();
        }
        GradeReport report = new Grading(new Compiler(ctx.cacheFor(ws)), settings).course(ctx.course).testJvms(Runtime.getRuntime().availableProcessors()).grade(chosen, sources);
        state.ifPresent(s -> s.record(report));
        // Gradescope enforces visibility itself; every other output is read by the learner.
        GradeReport shown = solutions || reveal || format == Format.gradescope ? report
                : new LearnerView(java.time.LocalDate.now(), common.lang()).of(report);
        String written = switch (format) {
            case json -> JsonReport.write(shown);
            case junit -> JunitXmlReport.write(shown);
            case gradescope -> GradescopeReport.write(report, java.time.LocalDate.now(), dueDate());
            case exercism -> ExercismReport.write(shown);
            case classroom -> ClassroomReport.write(shown, settings.lang());
            case text -> null;
        };
        if (output != null) {
            if (written == null) {
                java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
                new TerminalReport(new PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8), new Style(false), common.lang()).print(shown);
                written = text.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
            OutputFile.write(output, written);
            Console.err().println(settings.lang().pick("Wrote " + format + " results to ", "把 " + format + " 格式的结果写到了 ") + output.toAbsolutePath());
        } else if (written != null) {
            out.println(written);
        } else {
            new TerminalReport(out, style, common.lang()).print(shown);
        }
        out.flush();
        return report.exitCode();
    }

    /** The files of --submission, copied into a folder of their own that is removed when grade ends. */
    private Sources submitted(List<Exercise> chosen, PrintStream log) throws java.io.IOException {
        java.nio.file.Path dir = submission.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new UserError(submission + " is not a folder: give the folder that holds the submitted files");
        }
        java.nio.file.Path copy = java.nio.file.Files.createTempDirectory("grade-submission-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(copy.toFile())));
        grade.batch.SubmittedFiles.collect(dir, chosen, copy, log);
        return new Sources("submission " + dir, e -> copy, Optional.of(dir));
    }

    /** The due date of --due-date-from; none (tests keep their own dates) when it cannot be read, which is said. */
    private Optional<java.time.Instant> dueDate() {
        if (dueDateFrom == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GradescopeReport.dueDate(dueDateFrom));
        } catch (java.io.IOException e) {
            Console.err().println("grade: " + e.getMessage() + "; tests hidden until a date keep their own date");
            return Optional.empty();
        }
    }

    private static String describe(List<Exercise> chosen, grade.course.Lang lang) {
        if (chosen.size() == 1) {
            return chosen.get(0).id();
        }
        return chosen.get(0).day() + lang.pick(" (" + chosen.size() + " exercises)", "（" + chosen.size() + " 个练习）");
    }
}
