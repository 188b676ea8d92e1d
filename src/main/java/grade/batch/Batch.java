package grade.batch;

import com.google.gson.JsonObject;
import grade.compile.Compiler;
import grade.course.Course;
import grade.course.Exercise;
import grade.engine.Grading;
import grade.engine.Jobs;
import grade.engine.Settings;
import grade.engine.Sources;
import grade.report.GradeReport;
import grade.report.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Grades a class: each submission on its own (a private copy of its files, its own compiled
 * classes, its own test JVM), {@link Settings#jobs()} side by side, into {@code results/NAME.json}
 * and {@code grades.csv}, and records the run in {@code batch.json}. A submission that is broken,
 * does not compile, hangs or crashes gets its row all the same; one whose files and grader have
 * not changed keeps its earlier result unless {@code force}.
 */
public final class Batch {
    /** How one submission's grade ended. */
    public enum Kind { GRADED, SKIPPED, BROKEN, INTERNAL }

    /** One submission's grade and its row of the gradebook. */
    public record Outcome(Submission submission, Kind kind, Gradebook.Row row) {
    }

    /** What the batch hears of each submission as it goes. */
    public interface Progress {
        void started();

        void finished(Outcome o);
    }

    /** What the batch did, and how long it took. */
    public record Result(List<Outcome> outcomes, OffsetDateTime started, long millis, String fingerprint) {
        public boolean graderFailed() {
            return outcomes.stream().anyMatch(o -> o.kind() == Kind.INTERNAL);
        }
    }

    private final Course course;
    private final List<Exercise> chosen;
    private final Settings settings;
    private final Path submissions;
    private final BatchFiles files;
    private final boolean force;
    private final String context;

    /**
     * A batch of {@code chosen}, exercises of {@code course}, over the folder {@code submissions},
     * written to {@code files}; {@code force} grades every submission again.
     */
    public Batch(Course course, List<Exercise> chosen, Settings settings, Path submissions, BatchFiles files, boolean force) {
        this.course = course;
        this.chosen = chosen;
        this.settings = settings;
        this.submissions = submissions;
        this.files = files;
        this.force = force;
        this.context = Fingerprint.grader() + "\0" + settings.lang().code() + "\0" + chosen.stream()
                .map(e -> e.id() + ":" + e.points() + ":" + e.timeoutSeconds() + ":" + e.files() + ":" + e.tests())
                .collect(Collectors.joining(","));
    }

    /** Grades every submission and writes the gradebook ({@code excel}: with a byte order mark) and {@code batch.json}. */
    public Result run(List<Submission> all, Progress progress, boolean excel, String grader) throws IOException, InterruptedException {
        Files.createDirectories(files.results());
        OffsetDateTime started = OffsetDateTime.now();
        long start = System.nanoTime();
        Path scratch = Files.createTempDirectory("grade-batch-");
        // Learners' copies are not left in the temporary folder, also after Ctrl-C.
        Thread cleanup = new Thread(() -> org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile()), "remove batch scratch");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<Outcome> outcomes;
        try {
            List<Callable<Outcome>> work = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Submission s = all.get(i);
                Path own = scratch.resolve(String.valueOf(i));
                work.add(() -> {
                    progress.started();
                    Outcome o = watched(s, own);
                    progress.finished(o);
                    return o;
                });
            }
            outcomes = Jobs.run(settings.jobs(), work);
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        List<String> ids = chosen.stream().map(Exercise::id).toList();
        String csv = Gradebook.csv(ids, outcomes.stream().map(Outcome::row).toList());
        OutputFile.write(files.gradebook(), excel ? Gradebook.forExcel(csv) : csv);
        long millis = (System.nanoTime() - start) / 1_000_000;
        OutputFile.write(files.run(), new BatchRun(started, millis / 1000.0, grader, Fingerprint.of(context), settings.lang().code(),
                settings.jobs(), ids, outcomes.stream().map(o -> o.submission().name()).toList()).json());
        return new Result(outcomes, started, millis, Fingerprint.of(context));
    }

    /**
     * Grades one submission under a watch: the test run keeps its own deadline, but compiling
     * happens in this JVM, and a source made to keep the compiler busy for ever must not hold up
     * the batch. Past the limit the submission gets a row saying so and the batch goes on
     * without waiting for it.
     */
    private Outcome watched(Submission s, Path own) throws IOException, InterruptedException {
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<Outcome> task = new FutureTask<>(() -> grade(s, own, abandoned));
        Thread t = new Thread(task, "grade " + s.name());
        t.setDaemon(true);
        t.start();
        long limit = 120 + chosen.stream().mapToLong(e -> 4L * e.timeoutSeconds()).sum();
        try {
            return task.get(limit, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            t.interrupt();
            JsonObject json = BatchResult.broken(s.name(), "", chosen, "the grader gave up on it after " + limit
                    + " s (compiling or grading it never ended)");
            OutputFile.write(files.results().resolve(s.name() + ".json"), BatchResult.write(json));
            return new Outcome(s, Kind.BROKEN, Gradebook.Row.of(json));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Grades one submission in a folder of its own ({@code own}): a private copy of its files,
     * its own compiled classes, its own test JVM. Whatever goes wrong becomes its row.
     */
    private Outcome grade(Submission s, Path own, AtomicBoolean abandoned) throws IOException, InterruptedException {
        Path resultFile = files.results().resolve(s.name() + ".json");
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
            Sources sources = new Sources("submission " + s.name(), e -> root, Optional.of(submissions));
            GradeReport report = new Grading(new Compiler(own.resolve("build")), settings.withJobs(1)).course(course).grade(chosen, sources);
            json = BatchResult.graded(s.name(), fingerprint, report);
            kind = Kind.GRADED;
        } catch (BrokenSubmission e) {
            json = BatchResult.broken(s.name(), fingerprint, chosen, e.message(settings.lang()));
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
}
