package grade.testjvm;

/**
 * Where the learner's calls of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}
 * land in the test JVM: the grader rewrites them in the learner's compiled classes (see
 * {@code grade.compile.ExitCalls}) before the test JVM loads them. A learner method that would
 * end the JVM fails its test instead; the learner's programs, run as their own processes from the
 * classes as compiled, still end with the status they choose.
 */
public final class ExitTrap {
    private ExitTrap() {
    }

    /** In place of {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitAttempt(status);
    }

    /** In place of {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        throw new ExitAttempt(status);
    }

    /** In place of {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        throw new ExitAttempt(status);
    }

    /** Thrown where learner code tried to end the JVM. */
    public static final class ExitAttempt extends SecurityException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitAttempt(int status) {
            super("System.exit(" + status + ")");
            this.status = status;
        }
    }
}
