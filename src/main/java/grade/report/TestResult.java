package grade.report;

/**
 * One hidden test's outcome, as plain data.
 *
 * @param name    what the test checks, in words
 * @param status  pass, fail or error
 * @param message what was expected and what happened (empty on pass)
 * @param output  what the learner's code printed during the test, capped
 * @param millis  how long it took
 */
public record TestResult(String name, Status status, String message, String output, long millis) {
}
