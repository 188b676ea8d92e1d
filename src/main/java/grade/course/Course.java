package grade.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole course: days in order, each with its exercises. The home folder holds
 * {@code exercises/} and, for instructors, {@code solutions/}.
 */
public record Course(Path home, List<Day> days) {

    public List<Exercise> exercises() {
        return days.stream().flatMap(d -> d.exercises().stream()).toList();
    }

    public Optional<Day> day(String id) {
        return days.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Exercise> exercise(String id) {
        return exercises().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The learner's own files in {@code root}'s folder for {@code day}, such as
     * {@code day06/ClientHandler.java}: the {@code .java} files there that no exercise names.
     * They are compiled with each exercise of that day.
     */
    public List<String> ownFiles(Path root, String day) throws IOException {
        Path dir = root.resolve(day);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> named = exercises().stream().flatMap(e -> e.files().stream()).toList();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> day + "/" + p.getFileName())
                    .filter(f -> f.endsWith(".java") && !named.contains(f)).sorted().toList();
        }
    }

    public Path solutions() {
        return home.resolve("solutions");
    }

    /** The reference solution's folder, whose layout mirrors the workspace. */
    public Path solution(Exercise e) {
        return solutions().resolve(e.day()).resolve(e.slug());
    }

    /**
     * The known-wrong solutions of an exercise, by name: each {@code wrong/NAME.diff} against the
     * reference solution, and each {@code wrong/NAME/} folder (a rewrite, kept whole).
     */
    public List<WrongSolution> wrongSolutions(Exercise e) {
        Path wrong = solution(e).resolve("wrong");
        if (!Files.isDirectory(wrong)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(wrong)) {
            return s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".diff"))
                    .map(p -> new WrongSolution(e, p.getFileName().toString().replaceFirst("\\.diff$", ""), p, solution(e)))
                    .sorted(Comparator.comparing(WrongSolution::name))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The names closest to {@code wanted}, for "did you mean" suggestions: those at the smallest
     * distance (if it is a near miss), at most three, in the order given; none when every name is
     * as far as every other (day09 is no nearer to day01 than to day07).
     */
    public static List<String> closest(String wanted, List<String> names) {
        int[] far = names.stream().mapToInt(n -> distance(wanted, n)).distinct().sorted().toArray();
        if (far.length == 0 || names.size() > 1 && far.length == 1 || far[0] > Math.max(2, wanted.length() / 2)) {
            return List.of();
        }
        return names.stream().filter(n -> distance(wanted, n) == far[0]).limit(3).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
