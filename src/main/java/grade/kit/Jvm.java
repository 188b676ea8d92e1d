package grade.kit;

import java.nio.file.Path;
import java.util.List;

/**
 * How the tool starts a Java process, in one place: this Java's launcher, the flags of a fast
 * start, and an environment cleared of the user's JVM options, with a UTF-8 locale. The grader
 * starts its test JVMs so, the kit the learner's programs, and hidden tests their own helpers.
 * <pre>{@code ProcessBuilder pb = Jvm.clean(new ProcessBuilder(command));}</pre>
 */
public final class Jvm {
    /** A short-lived JVM starts fastest with the first compiler alone, the serial collector and no performance data. */
    public static final List<String> FAST_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    private Jvm() {
    }

    /** This Java's {@code java} launcher. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** No option from the user's environment reaches the JVM, and it runs under a UTF-8 locale. */
    public static ProcessBuilder clean(ProcessBuilder pb) {
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("LC_ALL", "C.UTF-8");
        return pb;
    }
}
