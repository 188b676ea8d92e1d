package grade.classreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tests the class fails, most failed first: per test the share of the graded submissions
 * that did not pass it, and what their failures say, alike messages grouped. A test that did not
 * run for a submission (the exercise is missing, did not compile, its run crashed) counts as
 * failed, with that reason as its message.
 */
final class TestFailures {
    /** The messages shown per test; the rest are counted. */
    static final int MESSAGES = 5;

    private static final Pattern PATH = Pattern.compile("(?<=^|[\\s\"'(=\\[])(?:[A-Za-z]:\\\\|/)[^\\s\"'(),;\\]]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}_#])(?:0x\\p{XDigit}+|\\d+(?:[.,]\\d+)*)");

    private TestFailures() {
    }

    /** One group of alike messages and how many submissions got it. */
    record Message(String text, int learners) {
    }

    /** @param others how many further kinds of message were left out of {@code messages} */
    record Failed(String exercise, Learner.Test test, int failing, int graded, List<Message> messages, int others) {
        double share() {
            return graded == 0 ? 0 : (double) failing / graded;
        }
    }

    /** Every test of the class with at least one failure, most failed first, then in the course's order. */
    static List<Failed> of(ClassResults results) {
        List<Learner> graded = results.graded();
        List<Failed> out = new ArrayList<>();
        for (String exercise : results.exercises()) {
            for (Learner.Test test : tests(graded, exercise)) {
                Map<String, Integer> messages = new LinkedHashMap<>();
                int failing = 0;
                for (Learner l : graded) {
                    String why = failure(l, exercise, test.name());
                    if (why != null) {
                        failing++;
                        messages.merge(blank(firstLine(why)), 1, Integer::sum);
                    }
                }
                if (failing > 0) {
                    List<Message> sorted = messages.entrySet().stream().map(e -> new Message(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingInt(Message::learners).reversed()).toList();
                    out.add(new Failed(exercise, test, failing, graded.size(), sorted.subList(0, Math.min(MESSAGES, sorted.size())),
                            Math.max(0, sorted.size() - MESSAGES)));
                }
            }
        }
        List<Failed> ordered = new ArrayList<>(out);
        ordered.sort(Comparator.comparingInt(Failed::failing).reversed());
        return ordered;
    }

    /** The tests of an exercise, in the order the results list them, the grader's stand-ins left out. */
    private static Set<Learner.Test> tests(List<Learner> learners, String exercise) {
        Map<String, Learner.Test> byName = new LinkedHashMap<>();
        for (Learner l : learners) {
            l.exercise(exercise).ifPresent(e -> e.tests().stream().filter(t -> !t.standIn())
                    .forEach(t -> byName.putIfAbsent(t.name(), t)));
        }
        return new LinkedHashSet<>(byName.values());
    }

    /** Why a submission did not pass a test, or null when it passed. */
    static String failure(Learner l, String exercise, String test) {
        Learner.Exercise e = l.exercise(exercise).orElse(null);
        if (e == null) {
            return l.problem(exercise).orElse(l.note().isBlank() ? "—" : l.note());
        }
        Learner.Test t = e.test(test).orElse(null);
        if (t != null) {
            return t.passed() ? null : t.message().isBlank() ? t.status() : t.message();
        }
        return e.standIn().map(Learner.Test::message).filter(m -> !m.isBlank())
                .or(() -> l.problem(exercise))
                .orElse(e.message().isBlank() ? e.status() : e.message());
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /**
     * A message with what differs between alike failures blanked: paths become ‹path›, numbers
     * (ports, pids, sizes, times) become #. "connect to 127.0.0.1:41234 refused (pid 812)" and
     * "connect to 127.0.0.1:39001 refused (pid 77)" are the same message.
     */
    static String blank(String message) {
        String s = PATH.matcher(message).replaceAll("‹path›");
        return NUMBER.matcher(s).replaceAll("#");
    }
}
