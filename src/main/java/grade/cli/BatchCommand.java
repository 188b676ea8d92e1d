package grade.cli;

import grade.terminal.Console;
import com.google.gson.JsonObject;
import grade.batch.BatchFiles;
import grade.batch.BatchResult;
import grade.batch.BatchRun;
import grade.batch.BrokenSubmission;
import grade.batch.Fingerprint;
import grade.batch.Gradebook;
import grade.batch.Submission;
import grade.batch.Unpack;
import grade.classreport.ClassReport;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.report.GradeReport;
import grade.terminal.Style;
import grade.engine.Grading;
import grade.engine.Settings;
import grade.engine.Sources;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
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

    /** How one submission's grade ended. */
    enum Kind { GRADED, SKIPPED, BROKEN, INTERNAL }

    record Outcome(Submission submission, Kind kind, Gradebook.Row row) {
    }

    private List<Exercise> chosen;
    private Path results;
    private Path scratch;
    private String context;

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        Settings settings = common.settings();
        Style style = common.style();
        Path dir = submissions.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError(submissions + " is not a folder; give the folder that holds one folder or .zip per learner");
        }
        if (jobs < 1) {
            throw new UserError("--jobs must be 1 or more");
        }
        chosen = select(ctx);
        Path outDir = out == null ? dir : out.toAbsolutePath().normalize();
        BatchFiles files = new BatchFiles(outDir);
        Path gradebook = files.gradebook();
        results = files.results();
        // A batch's own output is never a submission, also the output of an earlier batch without --out.
        Set<Path> written = new java.util.HashSet<>(files.all());
        written.addAll(new BatchFiles(dir).all());
        written.add(outDir);
        Submission.Found found = Submission.find(dir, written);
        if (found.submissions().isEmpty()) {
            throw new UserError(submissions + " holds no submission: put one folder or .zip per learner in it");
        }
        try {
            Files.createDirectories(results);
        } catch (IOException e) {
            throw new UserError("cannot write the results into " + results + " (" + e.getMessage() + "); choose another place with --out DIR");
        }
        PrintStream log = Console.err();
        log.println(style.dim("Grading " + found.submissions().size() + " submissions · " + describe(chosen) + " · "
                + grade.engine.Sandbox.describe(settings.sandbox(), settings.lang()) + " · " + jobs + " at a time"));
        if (!found.ignored().isEmpty()) {
            log.println(style.dim("Ignored (neither a folder nor a .zip): " + String.join(", ", found.ignored())));
        }
        context = Fingerprint.grader() + "\0" + common.lang().code() + "\0" + chosen.stream()
                .map(e -> e.id() + ":" + e.points() + ":" + e.timeoutSeconds() + ":" + e.files() + ":" + e.tests())
                .collect(Collectors.joining(","));
        java.time.OffsetDateTime started = java.time.OffsetDateTime.now();
        long start = System.nanoTime();
        scratch = Files.createTempDirectory("grade-batch-");
        // Learners' copies are not left in the temporary folder, also after Ctrl-C.
        Thread cleanup = new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile()), "remove batch scratch");
        Runtime.getRuntime().addShutdownHook(cleanup);
        BatchProgress progress = BatchProgress.create(log, found.submissions().size(), chosen.stream().mapToInt(Exercise::points).sum());
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            List<Submission> all = found.submissions();
            for (int i = 0; i < all.size(); i++) {
                Submission s = all.get(i);
                Path own = scratch.resolve(String.valueOf(i));
                futures.add(pool.submit(() -> {
                    progress.started();
                    Outcome o = watched(s, dir, own);
                    progress.finished(o);
                    return o;
                }));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        } finally {
            pool.shutdownNow();
            progress.close();
            org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        List<String> ids = chosen.stream().map(Exercise::id).toList();
        String csv = Gradebook.csv(ids, outcomes.stream().map(Outcome::row).toList());
        OutputFile.write(gradebook, excel ? Gradebook.forExcel(csv) : csv);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String grader = new Version().getVersion()[0];
        OutputFile.write(files.run(), new BatchRun(started, millis / 1000.0, grader, Fingerprint.of(context),
                common.lang().code(), jobs, ids, outcomes.stream().map(o -> o.submission().name()).toList()).json());
        if (report) {
            OutputFile.write(files.report(), ClassReport.html(files, common.lang(), grader));
        }
        summary(Console.out(), style, outcomes, millis, files);
        return outcomes.stream().anyMatch(o -> o.kind() == Kind.INTERNAL) ? Main.INTERNAL : 0;
    }

    /**
     * Grades one submission under a watch: the test run keeps its own deadline, but compiling
     * happens in this JVM, and a source made to keep the compiler busy for ever must not hold up
     * the batch. Past the limit the submission gets a row saying so and the batch goes on
     * without waiting for it.
     */
    private Outcome watched(Submission s, Path dir, Path own) throws Exception {
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.FutureTask<Outcome> task = new java.util.concurrent.FutureTask<>(() -> grade(s, dir, own, abandoned));
        Thread t = new Thread(task, "grade " + s.name());
        t.setDaemon(true);
        t.start();
        long limit = 120 + chosen.stream().mapToLong(e -> 4L * e.timeoutSeconds()).sum();
        try {
            return task.get(limit, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            abandoned.set(true);
            t.interrupt();
            JsonObject json = BatchResult.broken(s.name(), "", chosen, "the grader gave up on it after " + limit
                    + " s (compiling or grading it never ended)");
            OutputFile.write(results.resolve(s.name() + ".json"), BatchResult.write(json));
            return new Outcome(s, Kind.BROKEN, Gradebook.Row.of(json));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /**
     * Grades one submission in a folder of its own ({@code own}): a private copy of its files,
     * its own compiled classes, its own test JVM. Whatever goes wrong becomes its row.
     */
    private Outcome grade(Submission s, Path dir, Path own, java.util.concurrent.atomic.AtomicBoolean abandoned) throws IOException, InterruptedException {
        Path resultFile = results.resolve(s.name() + ".json");
        String fingerprint = "";
        JsonObject json;
        Kind kind;
        try {
            fingerprint = Fingerprint.of(s, context);
            if (!force) {
                String fp = fingerprint;
                Optional<JsonObject> earlier = BatchResult.read(resultFile)
                        .filter(o -> o.has("fingerprint") && fp.equals(o.get("fingerprint").getAsString()));
                if (earlier.isPresent()) {
                    return new Outcome(s, Kind.SKIPPED, Gradebook.Row.of(earlier.get()));
                }
            }
            Files.createDirectories(own);
            Path root = Unpack.into(s, Files.createDirectory(own.resolve("files")));
            // The submissions folder is hidden from learner code in the sandbox: no learner reads another's work.
            Sources sources = new Sources("submission " + s.name(), e -> root, Optional.of(dir));
            GradeReport report = new Grading(new Compiler(own.resolve("build")), common.settings()).grade(chosen, sources);
            json = BatchResult.graded(s.name(), fingerprint, report);
            kind = Kind.GRADED;
        } catch (BrokenSubmission e) {
            json = BatchResult.broken(s.name(), fingerprint, chosen, e.getMessage());
            kind = Kind.BROKEN;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            json = BatchResult.broken(s.name(), fingerprint, chosen, "the grader failed on this submission (" + e + ")");
            kind = Kind.INTERNAL;
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(own.toFile());
        }
        if (!abandoned.get()) {
            OutputFile.write(resultFile, BatchResult.write(json));
        }
        return new Outcome(s, kind, Gradebook.Row.of(json));
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

    private static String describe(List<Exercise> chosen) {
        return chosen.size() == 1 ? chosen.get(0).id() : chosen.size() + " exercises";
    }

    private void summary(PrintStream out, Style style, List<Outcome> outcomes, long millis, BatchFiles files) {
        long graded = outcomes.stream().filter(o -> o.kind() == Kind.GRADED).count();
        long skipped = outcomes.stream().filter(o -> o.kind() == Kind.SKIPPED && o.row().graded()).count();
        List<Outcome> failed = outcomes.stream().filter(o -> !o.row().graded()).toList();
        out.println();
        for (Outcome o : failed) {
            out.println(style.yellow("!") + " " + grade.kit.Text.line(o.submission().name() + ": " + o.row().note()));
        }
        out.println("batch: " + graded + " graded, " + skipped + " unchanged (not graded again), "
                + failed.size() + " could not be graded" + (failed.isEmpty() ? "" : " (above)") + " · " + grade.kit.Text.seconds(millis));
        out.println("Gradebook: " + files.gradebook());
        out.println("Results:   " + results + "/ (one JSON per submission)");
        if (report) {
            out.println("Report:    " + files.report());
        }
    }
}
