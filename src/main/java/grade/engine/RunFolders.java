package grade.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run's scratch folder, the one place its test JVMs and learner code may write: the learner's
 * classes as compiled (for their programs), the same classes as the test JVM loads them, a home
 * and a temporary folder for learner code, the sockets the test JVMs connect to, and an outbox
 * beside the class folders for what learner code leaves to be kept (see {@link Grading#keepOutbox}).
 */
record RunFolders(Path scratch, AtomicInteger sockets) {

    static RunFolders create() throws IOException {
        Path scratch = Files.createTempDirectory("grade-run-");
        for (String d : new String[] {"learner", "methods", "tmp", "home"}) {
            Files.createDirectories(scratch.resolve(d));
        }
        return new RunFolders(scratch, new AtomicInteger());
    }

    /** The learner's classes as compiled: their programs run from here. */
    Path learner() {
        return scratch.resolve("learner");
    }

    /** The learner's classes with their exit calls rewritten: the test JVM loads them from here. */
    Path methods() {
        return scratch.resolve("methods");
    }

    /** {@code <classes>/../outbox}: made by the code that writes into it, found from where its classes are. */
    Path outbox() {
        return scratch.resolve("outbox");
    }

    Path tmp() {
        return scratch.resolve("tmp");
    }

    Path home() {
        return scratch.resolve("home");
    }

    /** A new socket path for the next test JVM. */
    Path socket() {
        return scratch.resolve("channel-" + sockets.incrementAndGet());
    }

    void delete() {
        org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
    }
}
