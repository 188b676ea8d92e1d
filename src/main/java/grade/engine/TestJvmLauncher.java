package grade.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/**
 * The {@code java} launcher the test JVM starts from: on Linux, a copy of this Java's launcher
 * that may be executed but not read. The kernel makes a process that runs a program it may not
 * read "not dumpable": no other process of the user (a learner's program among them) may trace
 * it, read its memory or open its file descriptors through /proc. The copy sits beside this
 * Java's own folders, linked to them. Where it cannot be made, the test JVM starts from this
 * Java's own launcher (and is as open as any process of the user).
 */
final class TestJvmLauncher {
    private static Path made;

    private TestJvmLauncher() {
    }

    static synchronized Path java() {
        Path own = Path.of(grade.kit.Jvm.java());
        if (made != null && Files.isRegularFile(made)) {
            return made;
        }
        made = own;
        if (!System.getProperty("os.name", "").equals("Linux") || !Files.isRegularFile(own)) {
            return made;
        }
        try {
            Path home = own.getParent().getParent().toRealPath();
            Path copy = GraderFiles.folder().resolve("java-" + HexFormat.of().toHexDigits(home.toString().hashCode()));
            Path launcher = copy.resolve("bin/java");
            if (!Files.isRegularFile(launcher)) {
                make(home, copy);
            }
            made = launcher;
        } catch (IOException | UnsupportedOperationException e) {
            // a read-only install: this Java's own launcher
        }
        return made;
    }

    private static void make(Path home, Path copy) throws IOException {
        Path tmp = Files.createTempDirectory(copy.getParent(), "java-");
        try {
            Files.createDirectories(tmp.resolve("bin"));
            Path launcher = tmp.resolve("bin/java");
            Files.copy(home.resolve("bin/java"), launcher);
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("--x--x--x"));
            try (var entries = Files.list(home)) {
                for (Path e : entries.filter(p -> !p.getFileName().toString().equals("bin")).toList()) {
                    Files.createSymbolicLink(tmp.resolve(e.getFileName().toString()), e);
                }
            }
            Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                org.apache.commons.io.file.PathUtils.deleteDirectory(tmp); // the links go, never what they point to
            } catch (IOException left) {
                // a half-made copy in the grader's own folder is harmless
            }
            if (!Files.isRegularFile(copy.resolve("bin/java"))) {
                throw e;
            }
        }
    }
}
