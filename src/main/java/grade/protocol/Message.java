package grade.protocol;

import java.util.List;

/**
 * What the grader and the test JVM say to each other over their channel, one line each (see
 * {@link Codec}). The grader sends {@link Work}; the test JVM answers {@link Hello} first, then per
 * exercise {@link Begin}, a {@link Result} for each of its hidden tests and {@link End}, and last
 * {@link Done}. A {@link Limit} says that learner code hit a limit the test JVM holds itself.
 */
public sealed interface Message {

    /** The test JVM's first words: it holds the run's key, so its lines can be trusted. */
    record Hello() implements Message {
    }

    /** The exercises to run, in order. */
    record Work(List<Unit> units, boolean failFast) implements Message {
    }

    /**
     * One exercise's hidden test classes and the timeout of each of its tests.
     *
     * @param exercise the exercise's id, such as {@code day03/offsets}
     */
    record Unit(String exercise, int timeoutSeconds, List<String> testClasses) {
    }

    /** The tests of an exercise begin. */
    record Begin(String exercise) implements Message {
    }

    /**
     * One hidden test's outcome.
     *
     * @param test    the test's id, {@code Class#method(params)}, as {@link TestId} makes it
     * @param status  {@code pass}, {@code fail}, {@code error}, or {@code notrun}
     * @param message what was expected and what happened, in words (empty on pass)
     * @param output  what learner code printed during the test, capped
     * @param hung    whether the test failed because learner code did not finish or answer in time
     */
    record Result(String exercise, String test, String status, String message, String output, long millis,
                  boolean hung) implements Message {
    }

    /** Learner code hit a limit the test JVM holds itself ({@code OUTPUT}, {@code TASKS}); the run ends. */
    record Limit(String kind) implements Message {
    }

    /** The tests of an exercise ended. */
    record End(String exercise) implements Message {
    }

    /**
     * Every exercise sent has run, or, with {@code rest}, the test JVM stopped early after learner
     * code hung (its threads may still be busy) and the exercises not begun want a fresh test JVM.
     */
    record Done(boolean rest) implements Message {
    }
}
