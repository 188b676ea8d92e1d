package grade.mutants.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The probe of a coverage run of {@code grade mutants}: copied under another name into a
 * reference solution's package, and called at the start of each of its lines. It writes each
 * line the first time it runs, as {@code day03/Offsets:17}, into a file of its own process in
 * the outbox beside its class folder, which the run keeps. It depends on nothing of the grader,
 * as it runs in the test JVM and in the learner's programs alike.
 */
public final class Lines {
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static Path file;

    private Lines() {
    }

    public static void hit(String line) {
        if (SEEN.add(line)) {
            try {
                Files.writeString(file(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
                // a line not written is reported as not covered; with no line written at all, every mutant runs
            }
        }
    }

    private static synchronized Path file() throws IOException, java.net.URISyntaxException {
        if (file == null) {
            Path classes = Path.of(Lines.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path outbox = Files.createDirectories(classes.resolveSibling("outbox"));
            file = outbox.resolve("lines-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        }
        return file;
    }
}
