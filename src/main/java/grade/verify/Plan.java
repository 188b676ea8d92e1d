package grade.verify;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Course;
import grade.course.Exercise;
import grade.course.WrongSolution;
import grade.engine.Sources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The grading runs that check a course, per day: its reference solutions, its starters, then its
 * known-wrong solutions in rounds (one per exercise a round). Independent runs go side by side,
 * the longest first by the last verify's times (kept in {@code verify-times.json} in the compile
 * cache), so that no long run is left to run alone at the end.
 */
final class Plan {
    enum Kind { SOLUTION, STARTER, WRONG }

    /** One grading run: a day's solutions, its starters, or one round of its known-wrong solutions. */
    record Job(String label, Kind kind, List<Exercise> exercises, Sources sources, Map<String, WrongSolution> wrong) {
        /** The label as a user reads it; the English one also keys the times kept of earlier runs. */
        String label(grade.course.Lang lang) {
            return lang.pick(label, label.replace(" known-wrong solutions, round ", " 已知错误的答案，第 ").replace(" solutions", " 参考答案")
                    .replace(" starters", " 初始文件") + (kind == Kind.WRONG ? " 轮" : ""));
        }
    }

    private Plan() {
    }

    /**
     * The runs, solutions first, in the course's order (the order in which checks are reported).
     * The known-wrong solutions' diffs are applied into {@code scratch} now; each one that cannot
     * be goes to {@code unusable} instead of into a run.
     */
    static List<Job> of(Course course, List<Exercise> chosen, Path scratch, BiConsumer<WrongSolution, WrongSolution.Unusable> unusable) {
        List<Job> solutions = new ArrayList<>();
        List<Job> others = new ArrayList<>();
        Map<String, List<Exercise>> byDay = new LinkedHashMap<>();
        chosen.forEach(e -> byDay.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
        for (Map.Entry<String, List<Exercise>> day : byDay.entrySet()) {
            List<Exercise> ex = day.getValue();
            solutions.add(new Job(day.getKey() + " solutions", Kind.SOLUTION, ex, Sources.solutions(course), Map.of()));
            others.add(new Job(day.getKey() + " starters", Kind.STARTER, ex, Sources.starters(), Map.of()));
            Map<WrongSolution, Path> roots = new LinkedHashMap<>(); // the usable ones, by exercise, by name
            for (Exercise e : ex) {
                for (WrongSolution w : course.wrongSolutions(e)) {
                    try {
                        roots.put(w, w.root(scratch));
                    } catch (WrongSolution.Unusable u) {
                        unusable.accept(w, u);
                    }
                }
            }
            for (int round = 0; ; round++) {
                Map<String, WrongSolution> wrong = new LinkedHashMap<>();
                for (Exercise e : ex) {
                    List<WrongSolution> usable = roots.keySet().stream().filter(w -> w.exercise().equals(e)).toList();
                    if (round < usable.size()) {
                        wrong.put(e.id(), usable.get(round));
                    }
                }
                if (wrong.isEmpty()) {
                    break;
                }
                List<Exercise> these = ex.stream().filter(e -> wrong.containsKey(e.id())).toList();
                others.add(new Job(day.getKey() + " known-wrong solutions, round " + (round + 1), Kind.WRONG, these,
                        new Sources("known-wrong solutions", e -> roots.get(wrong.get(e.id()))), wrong));
            }
        }
        solutions.addAll(others);
        return solutions;
    }

    /** The runs with the longest first, by their last times (a run not seen before counts as long). */
    static List<Job> longestFirst(List<Job> plan, Map<String, Long> lastTimes) {
        List<Job> sorted = new ArrayList<>(plan);
        sorted.sort(Comparator.comparingLong((Job j) -> -lastTimes.getOrDefault(j.label(), Long.MAX_VALUE / 2)));
        return sorted;
    }

    static Map<String, Long> readTimes(Path file) {
        Map<String, Long> times = new HashMap<>();
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            o.entrySet().forEach(e -> times.put(e.getKey(), e.getValue().getAsLong()));
        } catch (IOException | RuntimeException e) {
            // none yet, or unreadable: the plan's own order
        }
        return times;
    }

    static void writeTimes(Path file, Map<String, Long> times) {
        JsonObject o = new JsonObject();
        new TreeMap<>(times).forEach(o::addProperty);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".verify-times", ".tmp");
            Files.writeString(tmp, o + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // only an order for next time
        }
    }
}
