package grade.cli;

import grade.batch.Batch;
import grade.batch.BatchFiles;
import grade.batch.Submission;
import grade.classreport.ClassReport;
import grade.course.Exercise;
import grade.course.Lang;
import grade.engine.Sandbox;
import grade.engine.Settings;
import grade.report.OutputFile;
import grade.terminal.BatchProgress;
import grade.terminal.Console;
import grade.terminal.Style;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Grade a whole class into a gradebook (for instructors).",
    "SUBMISSIONS_DIR holds one folder or .zip per learner, each with the dayNN/",
    "folders of a workspace (a zip may wrap them in one more folder). Each is",
    "graded on its own, N at a time (--jobs); one that is broken, does not",
    "compile, hangs or crashes gets its row all the same. Writes grades.csv",
    "(submission,<day/exercise>...,total,note) and results/NAME.json (the",
    "--format json result plus submission, fingerprint, graded and note), and",
    "batch.json (when it ran, how long it took, the grader and its tests). A rerun",
    "reuses the results of submissions whose files have not changed. --report also",
    "writes report.html, the class at a glance (see grade report)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade batch submissions/                    every exercise of the course",
            "  ./grade batch submissions/ day03 day04        two days",
            "  ./grade batch submissions/ day03/offsets      one exercise",
            "  ./grade batch submissions/ day03 --jobs 4 --out marks/",
            "  ./grade batch submissions/ --excel           a grades.csv that Excel opens right",
            "  ./grade batch submissions/ day03 --report    and report.html",
            "",
            "Exit status: 0 every submission has its row (whatever it scored), 2 usage error,",
            "3 the grader itself failed on a submission (its row says so)."})
final class BatchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR", description = "A folder with one folder or .zip per learner.")
    Path submissions;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "DAY",
            description = "Only these days (day03) or exercises (day03/offsets); default: the whole course.")
    List<String> days = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Submissions graded side by side (default: the number of cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "Write grades.csv and results/ here (default: into SUBMISSIONS_DIR).")
    Path out;

    @Option(names = "--force", description = "Grade every submission again, also those whose files have not changed.")
    boolean force;

    @Option(names = "--excel", description = "Start grades.csv with a UTF-8 byte order mark, so Excel shows Chinese names right (without it: plain RFC 4180 UTF-8, for scripts).")
    boolean excel;

    @Option(names = "--report", description = "Also write report.html, the class at a glance (as grade report does).")
    boolean report;

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        Style style = common.style();
        Path dir = submissions.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError(submissions + " is not a folder; give the folder that holds one folder or .zip per learner");
        }
        if (jobs < 1) {
            throw new UserError("--jobs must be 1 or more");
        }
        Settings settings = common.settings().withJobs(jobs);
        List<Exercise> chosen = select(ctx);
        Path outDir = out == null ? dir : out.toAbsolutePath().normalize();
        BatchFiles files = new BatchFiles(outDir);
        // A batch's own output is never a submission, also the output of an earlier batch without --out.
        Set<Path> written = new java.util.HashSet<>(files.all());
        written.addAll(new BatchFiles(dir).all());
        written.add(outDir);
        Submission.Found found = Submission.find(dir, written);
        if (found.submissions().isEmpty()) {
            throw new UserError(submissions + " holds no submission: put one folder or .zip per learner in it");
        }
        try {
            Files.createDirectories(files.results());
        } catch (IOException e) {
            throw new UserError("cannot write the results into " + files.results() + " (" + e.getMessage() + "); choose another place with --out DIR");
        }
        PrintStream log = Console.err();
        Lang lang = settings.lang();
        int n = found.submissions().size();
        log.println(style.dim(lang.pick("Grading " + n + " submissions · ", "评分：" + n + " 份提交 · ") + describe(chosen, lang) + " · "
                + Sandbox.describe(settings.sandbox(), lang) + " · " + lang.pick(jobs + " at a time", "同时 " + jobs + " 份")));
        if (!found.ignored().isEmpty()) {
            log.println(style.dim(lang.pick("Ignored (neither a folder nor a .zip): ", "略过了（既不是文件夹也不是 .zip）：")
                    + String.join(", ", found.ignored())));
        }
        String grader = new Version().getVersion()[0];
        BatchProgress progress = BatchProgress.create(log, found.submissions().size(), chosen.stream().mapToInt(Exercise::points).sum(), lang);
        Batch.Result result;
        try {
            result = new Batch(ctx.course, chosen, settings, dir, files, force).run(found.submissions(), progress, excel, grader);
        } finally {
            progress.close();
        }
        if (report) {
            OutputFile.write(files.report(), ClassReport.html(files, common.lang(), grader));
        }
        summary(Console.out(), style, result, files);
        return result.graderFailed() ? Main.INTERNAL : 0;
    }

    /** The exercises asked for, each once, in the course's order. */
    private List<Exercise> select(Context ctx) {
        Set<Exercise> wanted = new LinkedHashSet<>();
        for (String d : days) {
            if (d.contains("/")) {
                wanted.add(ctx.exercise(ctx.day(d.substring(0, d.indexOf('/'))), d.substring(d.indexOf('/') + 1)));
            } else {
                wanted.addAll(ctx.select(List.of(d), List.of()));
            }
        }
        return days.isEmpty() ? ctx.course.exercises() : ctx.course.exercises().stream().filter(wanted::contains).toList();
    }

    private static String describe(List<Exercise> chosen, Lang lang) {
        return chosen.size() == 1 ? chosen.get(0).id() : chosen.size() + lang.pick(" exercises", " 个练习");
    }

    private void summary(PrintStream out, Style style, Batch.Result result, BatchFiles files) {
        List<Batch.Outcome> outcomes = result.outcomes();
        long millis = result.millis();
        long graded = outcomes.stream().filter(o -> o.kind() == Batch.Kind.GRADED).count();
        long skipped = outcomes.stream().filter(o -> o.kind() == Batch.Kind.SKIPPED && o.row().graded()).count();
        List<Batch.Outcome> failed = outcomes.stream().filter(o -> !o.row().graded()).toList();
        out.println();
        for (Batch.Outcome o : failed) {
            out.println(style.yellow("!") + " " + grade.kit.Text.line(o.submission().name() + ": " + o.row().note()));
        }
        Lang lang = common.lang();
        out.println(lang.pick("batch: " + graded + " graded, " + skipped + " unchanged (not graded again), "
                + failed.size() + " could not be graded" + (failed.isEmpty() ? "" : " (above)"), "batch：评了 " + graded + " 份，"
                + skipped + " 份没有变化（不再评分），" + failed.size() + " 份没法评分" + (failed.isEmpty() ? "" : "（见上）"))
                + " · " + grade.kit.Text.seconds(millis));
        out.println(lang.pick("Gradebook: ", "成绩表：") + files.gradebook());
        out.println(lang.pick("Results:   ", "结果：  ") + files.results() + lang.pick("/ (one JSON per submission)", "/（每份提交一个 JSON）"));
        if (report) {
            out.println(lang.pick("Report:    ", "报告：  ") + files.report());
        }
    }
}
