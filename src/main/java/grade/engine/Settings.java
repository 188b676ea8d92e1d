package grade.engine;

import grade.course.Lang;

/**
 * How grading is done, decided once from the command line and passed down: the learner's
 * language (also of the test JVM's messages), where learner code runs, what it may use, how
 * many grading runs go side by side, and whether an exercise stops at its first failing test.
 * Nothing of it travels through System properties or static fields of the grader's JVM; the test
 * JVM gets what it needs on its command line.
 *
 * @param jobs     grading runs side by side (verify, batch), or test JVMs side by side for a day's grade
 * @param failFast stop each exercise at its first failing test: enough for verify to prove a failure
 */
public record Settings(Lang lang, Sandbox.Mode sandbox, Limits limits, int jobs, boolean failFast) {

    public Settings {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, not " + jobs);
        }
    }

    /** English, the sandbox where it works, the default limits, a job per core. */
    public static Settings defaults() {
        return new Settings(Lang.EN, Sandbox.choose("auto"), Limits.DEFAULT, Runtime.getRuntime().availableProcessors(), false);
    }

    public Settings withFailFast(boolean on) {
        return new Settings(lang, sandbox, limits, jobs, on);
    }

    public Settings withJobs(int n) {
        return new Settings(lang, sandbox, limits, n, failFast);
    }
}
