package grade.engine;

/**
 * How a test JVM ended.
 *
 * @param limit      the limit that was hit, for {@link Kind#LIMIT}
 * @param exitStatus the JVM's exit status, for {@link Kind#EXITED}
 * @param output     what the JVM printed itself, for a crash report
 */
public record Ending(Kind kind, Limits.Kind limit, int exitStatus, int deadlineSeconds, String output) {

    public enum Kind {
        /** Its runner ran every exercise and said so. */
        DONE,
        /** Its runner stopped after learner code hung, leaving the exercises not begun for a fresh JVM. */
        STOPPED_AFTER_HANG,
        /** Learner code hit a limit of the run; every process of the run was ended. */
        LIMIT,
        /** The run's deadline passed. */
        DEADLINE,
        /** It ended without its runner's signed last word: killed, halted, exited or crashed. */
        EXITED,
        /** It never connected to the grader. */
        NEVER_CONNECTED
    }

    /** Whether the exercises it had not begun may run in a fresh test JVM. */
    boolean freshJvmHelps() {
        return kind == Kind.STOPPED_AFTER_HANG || kind == Kind.LIMIT || kind == Kind.EXITED;
    }
}
