package grade.report;

/**
 * One hidden test's outcome, as plain data.
 *
 * @param name       what the test checks, in words
 * @param status     pass, fail or error
 * @param message    what was expected and what happened (empty on pass)
 * @param output     what the learner's code printed during the test, capped
 * @param millis     how long it took
 * @param weight     how much it counts within its exercise (1 or more; {@code @Weight})
 * @param visibility who sees its name, message and output ({@code @Hidden})
 */
public record TestResult(String name, Status status, String message, String output, long millis, int weight, Visibility visibility) {

    public TestResult {
        if (weight < 1) {
            throw new IllegalArgumentException("a test's weight is 1 or more, not " + weight);
        }
        if (visibility == null) {
            visibility = Visibility.VISIBLE;
        }
    }

    /** A visible test of weight 1. */
    public TestResult(String name, Status status, String message, String output, long millis) {
        this(name, status, message, output, millis, 1, Visibility.VISIBLE);
    }
}
