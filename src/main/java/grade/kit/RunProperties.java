package grade.kit;

/**
 * The system properties a test JVM is launched with, which the kit (and the runner around it)
 * reads: the learner's language, where the learner's compiled classes are for starting their
 * programs, and the limits that apply to each program. The grader sets them on the test JVM's
 * command line; nothing else sets them.
 */
public final class RunProperties {
    /** {@code en} or {@code zh}. */
    public static final String LANG = "grade.lang";
    /** The folders of the learner's classes as compiled, for their programs. */
    public static final String LEARNER_CLASSPATH = "grade.learner.classpath";
    /** The heap of one learner program, in MiB. */
    public static final String HEAP_MB = "grade.limit.heapMb";
    /** Bytes learner code may print in the run (and one program). */
    public static final String OUTPUT_BYTES = "grade.limit.outputBytes";
    /** The size of one file, in bytes. */
    public static final String FILE_BYTES = "grade.limit.fileBytes";
    /** CPU seconds of one process. */
    public static final String CPU_SECONDS = "grade.limit.cpuSeconds";

    private RunProperties() {
    }
}
