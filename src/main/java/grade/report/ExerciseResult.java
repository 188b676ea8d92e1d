package grade.report;

import grade.course.Exercise;
import grade.course.Lang;
import java.util.List;
import java.util.Optional;

/**
 * One exercise's grade.
 *
 * @param message why it could not be run (compile errors, missing files) or a summary; empty on pass
 * @param missing the exercise's files the graded sources lack (then it ran nothing and earned nothing)
 * @param stopped how its test JVM was stopped before it ended: {@code hung}, {@code crashed}, or
 *                {@code limit} (then it earned nothing); empty when it ended as it should
 */
public record ExerciseResult(Exercise exercise, Status status, String message, List<TestResult> tests, long millis,
                             List<String> missing, String stopped) {

    public ExerciseResult {
        missing = List.copyOf(missing);
    }

    public ExerciseResult(Exercise exercise, Status status, String message, List<TestResult> tests, long millis) {
        this(exercise, status, message, tests, millis, List.of(), "");
    }

    /** The same grade with these tests and message (what a learner may see of it). */
    public ExerciseResult with(String newMessage, List<TestResult> newTests) {
        return new ExerciseResult(exercise, status, newMessage, newTests, millis, missing, stopped);
    }

    /**
     * The same tests, for a run that was stopped before it ended ({@code hung} or
     * {@code crashed}); one stopped at a limit ({@code limit}) is an error that earns nothing,
     * whatever its tests did, with {@code why} as its message.
     */
    public ExerciseResult stopped(String how, String why) {
        return how.equals("limit") ? new ExerciseResult(exercise, Status.ERROR, why, tests, millis, missing, how)
                : new ExerciseResult(exercise, status, message, tests, millis, missing, how);
    }

    public double score() {
        return Scoring.score(this);
    }

    /** The score in hundredths of a point, exact. */
    public long cents() {
        return Scoring.cents(this);
    }

    public int maxScore() {
        return exercise.points();
    }

    public long passed() {
        return tests.stream().filter(t -> t.status() == Status.PASS).count();
    }

    /** An exercise that could not be run at all. */
    public static ExerciseResult error(Exercise e, String message) {
        return new ExerciseResult(e, Status.ERROR, message, List.of(), 0);
    }

    /**
     * An exercise whose files the graded sources lack: it earns nothing, and nothing (no
     * starter) is graded in its place. Its message names the files: "missing day03/Tail.java".
     */
    public static ExerciseResult missing(Exercise e, List<String> files, Lang lang) {
        String message = (lang == Lang.ZH ? "缺少 " : "missing ") + String.join(", ", files);
        return new ExerciseResult(e, Status.ERROR, message, List.of(), 0, files, "");
    }

    /** An exercise whose tests ran: pass when all passed. */
    public static ExerciseResult of(Exercise e, List<TestResult> tests, long millis) {
        Status s = tests.isEmpty() ? Status.ERROR
                : tests.stream().allMatch(t -> t.status() == Status.PASS) ? Status.PASS
                : tests.stream().allMatch(t -> t.status() == Status.ERROR) ? Status.ERROR : Status.FAIL;
        String message = switch (s) {
            case PASS -> "";
            case FAIL -> failed(tests);
            case ERROR -> tests.isEmpty() ? "no test ran" : tests.get(0).message();
        };
        return new ExerciseResult(e, s, message, List.copyOf(tests), millis);
    }

    private static String failed(List<TestResult> tests) {
        long failed = tests.stream().filter(t -> t.status() != Status.PASS).count();
        return failed + " of " + tests.size() + (tests.size() == 1 ? " test" : " tests") + " failed";
    }

    /**
     * Why it earned less than all its points, in a few words: "missing day03/Tail.java", "did
     * not compile", "hung", "crashed" or "3 of 9 tests failed"; empty when it earned them all.
     */
    public Optional<String> reason() {
        if (status == Status.PASS) {
            return Optional.empty();
        }
        if (tests.isEmpty()) {
            String first = message.lines().findFirst().orElse("").strip();
            return Optional.of(first.isEmpty() ? "no test ran" : first.replaceAll("[:：]$", ""));
        }
        if (!stopped.isEmpty()) {
            return Optional.of(stopped.equals("limit") ? "hit a limit of the run" : stopped);
        }
        return Optional.of(failed(tests));
    }

    /**
     * What a format with one entry per test shows for an exercise that ran none: a failed check
     * named after what failed ("compiles", or "files submitted" when files are missing), worth
     * all its points, carrying the message.
     */
    public TestResult standIn() {
        return new TestResult(missing.isEmpty() ? "compiles" : "files submitted", Status.ERROR, message, "", 0);
    }

    /** The tests, or the {@link #standIn} when none ran: what formats with one entry per test list. */
    public List<TestResult> testsOrStandIn() {
        return tests.isEmpty() ? List.of(standIn()) : tests;
    }
}
