package grade.mutants;

import grade.compile.CompileResult;
import grade.compile.Compiler;
import grade.compile.ExitCalls;
import grade.course.Course;
import grade.course.EquivalentMutant;
import grade.course.Exercise;
import grade.engine.Grading;
import grade.engine.Jobs;
import grade.engine.Settings;
import grade.engine.Sources;
import grade.kit.Text;
import grade.report.ExerciseResult;
import grade.report.Status;
import grade.report.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.io.FileUtils;
import org.apache.commons.io.file.PathUtils;

/**
 * Mutation analysis of the hidden tests: each mutant of an exercise's reference solution is graded
 * through the same pipeline as a learner's submission (the same test JVM, sandbox, limits and kit;
 * its programs run the mutated classes), and stops at its first failing test. A mutant is killed
 * when a test fails, errors or times out; a survivor is a change to the solution that no test sees.
 */
public final class Mutants {
    private final Course course;
    private final Settings settings;
    private final Path cache;

    /** How far the analysis is: told of each exercise's mutants, and of each mutant as its run starts and ends. */
    public interface Progress {
        /** {@code mutants} to run (or kept from an earlier run), and {@code notCovered} on lines no test runs, not run. */
        void exercise(Exercise e, int mutants, int notCovered, boolean cached);

        void started();

        void finished(Exercise e, MutantResult m);
    }

    /** An analysis of {@code course} under {@code settings} (its jobs: mutants graded side by side); results kept in {@code cache}. */
    public Mutants(Course course, Settings settings, Path cache) {
        this.course = course;
        this.settings = settings;
        this.cache = cache;
    }

    public MutantsReport run(List<Exercise> chosen, Progress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Compiler compiler = new Compiler(cache);
        ResultCache results = new ResultCache(cache.resolve("mutants"));
        List<ExerciseMutants> out = new ArrayList<>();
        for (Exercise e : chosen) {
            out.add(run(e, compiler, results, progress));
        }
        return new MutantsReport(List.copyOf(out), (System.nanoTime() - start) / 1_000_000);
    }

    private ExerciseMutants run(Exercise e, Compiler compiler, ResultCache results, Progress progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path solution = course.solution(e);
        String fingerprint = fingerprint(e, results, solution);
        Optional<ResultCache.Stored> stored = fingerprint == null ? Optional.empty() : results.read(e, fingerprint);
        if (stored.isPresent()) {
            List<MutantResult> kept = stored.get().mutants();
            int notCovered = (int) kept.stream().filter(m -> !m.covered()).count();
            progress.exercise(e, kept.size() - notCovered, notCovered, true);
            return matched(e, kept, stored.get().millis(), true);
        }
        CompileResult compiled = compiler.compile(e.id(), solution, e.files());
        if (!compiled.ok()) {
            return ExerciseMutants.failed(e, "the reference solution does not compile:\n" + String.join("\n", compiled.errors()), millis(start));
        }
        Path scratch = Files.createTempDirectory(Files.createDirectories(cache), "mutants-");
        try {
            Set<String> linesRun = coverage(e, compiler, compiled.classes(), scratch.resolve("coverage"));
            if (linesRun == null) { // the coverage run failed: is it the solution, or its probes?
                ExerciseResult reference = new Grading(compiler, settings).grade(List.of(e), Sources.solutions(course)).exercises().get(0);
                if (reference.status() != Status.PASS) {
                    return ExerciseMutants.failed(e, "the reference solution does not pass its tests (run `grade verify " + e.day()
                            + "`): " + Text.line(failure(reference)), millis(start));
                }
            }
            List<MutantMaker.Made> made = new MutantMaker(compiled.classes()).all();
            Grading failFast = new Grading(compiler, settings.withFailFast(true));
            List<Callable<MutantResult>> work = new ArrayList<>();
            for (int i = 0; i < made.size(); i++) {
                MutantMaker.Made m = made.get(i);
                boolean covered = covered(linesRun, m);
                Path dir = scratch.resolve("mutant-" + i);
                work.add(() -> {
                    if (!covered) {
                        return result(m, solution, false, null);
                    }
                    progress.started();
                    MutantResult r = grade(e, failFast, compiled.classes(), m, dir, solution);
                    progress.finished(e, r);
                    return r;
                });
            }
            int notCovered = (int) made.stream().filter(m -> !covered(linesRun, m)).count();
            progress.exercise(e, made.size() - notCovered, notCovered, false);
            List<MutantResult> graded = Jobs.run(settings.jobs(), work);
            long millis = millis(start);
            if (fingerprint != null) {
                results.write(e, fingerprint, millis, graded);
            }
            return matched(e, graded, millis, false);
        } finally {
            PathUtils.deleteDirectory(scratch);
        }
    }

    /**
     * The lines of the solution that its tests run, from a run of its classes with a probe at each
     * line; null when that run did not pass (or wrote no line), and every mutant is to run.
     */
    private Set<String> coverage(Exercise e, Compiler compiler, Path classes, Path dir) throws IOException, InterruptedException {
        Path probed = dir.resolve("classes");
        Path guarded = dir.resolve("guarded");
        Path lines = dir.resolve("lines");
        LineProbes.copyInstrumented(classes, probed);
        ExitCalls.copyRewritten(probed, guarded);
        ExerciseResult r = new Grading(compiler, settings).keepOutbox(lines)
                .gradeCompiled(List.of(e), "the coverage of " + e.id(), x -> CompileResult.compiled(probed, guarded)).exercises().get(0);
        Set<String> run = r.status() == Status.PASS ? LineProbes.linesRun(lines) : Set.of();
        return run.isEmpty() ? null : run;
    }

    /** Grades one mutant: the solution's classes with the mutated class in its place, as a learner's classes are graded. */
    private MutantResult grade(Exercise e, Grading failFast, Path classes, MutantMaker.Made m, Path dir, Path solution)
            throws IOException, InterruptedException {
        Path mutated = dir.resolve("classes");
        Path guarded = dir.resolve("guarded");
        FileUtils.copyDirectory(classes.toFile(), mutated.toFile());
        Files.write(mutated.resolve(m.details().getClassName().asInternalName() + ".class"), m.bytes());
        ExitCalls.copyRewritten(mutated, guarded);
        ExerciseResult r = failFast.gradeCompiled(List.of(e), "a mutant of " + e.id(),
                x -> CompileResult.compiled(mutated, guarded)).exercises().get(0);
        PathUtils.deleteDirectory(dir);
        return result(m, solution, true, r.status() == Status.PASS ? null : Text.line(failure(r)));
    }

    /** Whether a test runs the mutant's line; every line counts as run when {@code linesRun} is unknown (null). */
    private static boolean covered(Set<String> linesRun, MutantMaker.Made m) {
        return linesRun == null || linesRun.contains(LineProbes.line(m.details().getClassName().asInternalName(), m.details().getLineNumber()));
    }

    private static MutantResult result(MutantMaker.Made m, Path solution, boolean covered, String killedBy) {
        String className = m.details().getClassName().asJavaName();
        String file = className.substring(0, className.lastIndexOf('.') + 1).replace('.', '/') + m.details().getFilename();
        int line = m.details().getLineNumber();
        String mutator = m.details().getMutator();
        return new MutantResult(className, m.details().getMethod(), mutator.substring(mutator.lastIndexOf('.') + 1),
                m.details().getDescription(), file, line, sourceLine(solution.resolve(file), line), covered, killedBy, null);
    }

    /** The first test that did not pass and why, or the exercise's message when no test ran. */
    private static String failure(ExerciseResult r) {
        return r.tests().stream().filter(t -> t.status() != Status.PASS).findFirst()
                .map(t -> t.name() + ": " + Text.cut(t.message(), 200)).orElse(r.message());
    }

    /** Marks the survivors that the exercise's records account for; the records that match none are stale. */
    private static ExerciseMutants matched(Exercise e, List<MutantResult> mutants, long millis, boolean cached) {
        List<MutantResult> out = new ArrayList<>();
        List<EquivalentMutant> used = new ArrayList<>();
        for (MutantResult m : mutants) {
            Optional<EquivalentMutant> record = m.killed() ? Optional.empty() : e.equivalentMutants().stream()
                    .filter(q -> q.matches(m.className(), m.method(), m.mutator(), m.source(), m.description())).findFirst();
            record.ifPresent(used::add);
            out.add(record.map(q -> m.withEquivalent(q.reason())).orElse(m));
        }
        List<EquivalentMutant> stale = e.equivalentMutants().stream().filter(q -> !used.contains(q)).toList();
        return new ExerciseMutants(e, null, List.copyOf(out), stale, millis, cached);
    }

    private static String fingerprint(Exercise e, ResultCache results, Path solution) throws IOException {
        boolean complete = e.files().stream().allMatch(f -> Files.isRegularFile(solution.resolve(f)));
        return complete ? results.fingerprint(e, solution) : null;
    }

    private static String sourceLine(Path file, int line) {
        try {
            List<String> lines = Files.readAllLines(file);
            return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
