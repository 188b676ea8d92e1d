package grade.classreport;

import com.google.gson.JsonParser;
import grade.batch.BatchFiles;
import grade.batch.BatchRun;
import grade.report.Scoring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A graded class as its batch left it: the record of the run (when there is one), the exercises
 * in the gradebook's order with the points each is worth (as the results say), and every
 * submission's result.
 */
record ClassResults(String name, Optional<BatchRun> run, List<String> exercises, Map<String, Double> points, List<Learner> learners) {

    /**
     * Reads the batch in {@code files}: the submissions its record names, or every result file
     * when it has no record (a batch of an older grader). A result that is missing or cannot be
     * read makes its submission one that could not be graded, with the reason.
     */
    static ClassResults read(BatchFiles files, ReportWords words) throws IOException {
        Optional<BatchRun> run = BatchRun.read(files.run());
        List<String> names = run.map(BatchRun::submissions).filter(s -> !s.isEmpty()).orElse(List.of());
        if (names.isEmpty()) {
            try (Stream<Path> s = Files.list(files.results())) {
                names = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json") && !f.startsWith("."))
                        .map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList();
            }
        }
        List<Learner> learners = new ArrayList<>();
        for (String name : names) {
            learners.add(read(name, files.result(name), words));
        }
        Set<String> exercises = new LinkedHashSet<>(run.map(BatchRun::exercises).orElse(List.of()));
        if (exercises.isEmpty()) {
            learners.forEach(l -> exercises.addAll(l.exercises().keySet()));
        }
        Map<String, Double> points = new HashMap<>();
        learners.forEach(l -> l.exercises().values().forEach(e -> points.merge(e.id(), e.maxScore(), Math::max)));
        Path dir = files.dir().getFileName();
        return new ClassResults(dir == null ? files.dir().toString() : dir.toString(), run, List.copyOf(exercises), points, learners);
    }

    private static Learner read(String name, Path file, ReportWords words) {
        String shown = "results/" + file.getFileName();
        try {
            return Learner.of(name, JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (NoSuchFileException e) {
            return Learner.unreadable(name, words.resultMissing(shown));
        } catch (IOException | RuntimeException e) {
            return Learner.unreadable(name, words.resultUnreadable(shown, String.valueOf(e.getMessage())));
        }
    }

    List<Learner> graded() {
        return learners.stream().filter(Learner::graded).toList();
    }

    /** The points an exercise is worth (0 when no result has it). */
    double maxScore(String exercise) {
        return points.getOrDefault(exercise, 0.0);
    }

    /** What a submission scored on the batch's exercises. */
    double total(Learner l) {
        // in hundredths, as every total is, so that no floating-point noise adds up
        return Scoring.points(exercises.stream().mapToLong(id -> Math.round(100 * l.exercise(id).map(Learner.Exercise::score).orElse(0.0))).sum());
    }

    /** Graded and short of half the points: who may be stuck. */
    boolean belowHalf(Learner l) {
        return l.graded() && total(l) < maxTotal() / 2;
    }

    double maxTotal() {
        return exercises.stream().mapToDouble(this::maxScore).sum();
    }
}
