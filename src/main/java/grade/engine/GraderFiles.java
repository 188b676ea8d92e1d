package grade.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the grader is, and where it keeps what it makes once for its test JVMs (the sealed
 * runner's module, the launcher copy, the class data sharing archives): beside its jar in
 * {@code testjvm/}, or, when it runs from class folders (its own tests), in the temporary folder.
 */
final class GraderFiles {
    private GraderFiles() {
    }

    /**
     * The grader's class path with every entry made absolute: the test JVM starts in its scratch
     * folder, where a relative entry (as in {@code java -jar target/grade.jar}) would point nowhere.
     */
    static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The grader's jar when it runs from one (not from class folders), else null. */
    static Path jar() {
        String cp = classPath();
        if (cp.contains(File.pathSeparator) || !cp.endsWith(".jar")) {
            return null;
        }
        return Path.of(cp);
    }

    /**
     * The folder for what the grader makes for its test JVMs, made when missing: beside the jar,
     * or in the temporary folder when the grader runs from class folders or its own folder is
     * read-only (a shared installation).
     */
    static Path folder() throws IOException {
        Path jar = jar();
        if (jar != null) {
            try {
                Path beside = Files.createDirectories(jar.resolveSibling("testjvm"));
                if (Files.isWritable(beside)) {
                    return beside;
                }
            } catch (IOException e) {
                // read-only: the temporary folder below
            }
        }
        Path mine = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "grade-testjvm-" + System.getProperty("user.name", "user")));
        return ownedByMeAlone(mine) ? mine : Files.createTempDirectory("grade-testjvm-");
    }

    /** Whether only this user may write in {@code dir}: another user could have made it first, in a shared temporary folder. */
    private static boolean ownedByMeAlone(Path dir) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            return Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return !(e instanceof IOException);
        }
    }
}
