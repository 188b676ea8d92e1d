package grade.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class data sharing archive for the test JVM: the classes of JUnit, the runner and the kit,
 * already parsed and verified, mapped into each new test JVM instead of loaded from the jar. It
 * saves about a third of a test JVM's start. The archive is made once per build of the grader
 * (and per Java version) by a short warm-up run of {@link grade.testjvm.Warmup}, whose class path
 * is the grader's alone; a test JVM's class path is that plus the learner's folders, which the
 * JVM accepts. A missing, stale or unusable archive only costs that saving: the JVM then loads
 * classes the usual way, silently.
 */
public final class ClassDataArchive {
    private static boolean tried;

    private ClassDataArchive() {
    }

    /** The grader's jar when it runs from one (not from a build folder of classes). */
    private static Path jar() {
        String cp = TestRun.graderClassPath();
        if (cp.contains(java.io.File.pathSeparator) || !cp.endsWith(".jar")) {
            return null;
        }
        return Path.of(cp).toAbsolutePath();
    }

    private static Path archive(Path jar) {
        String version = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9.+_-]", "_");
        return jar.resolveSibling("cds").resolve("test-jvm-" + version + ".jsa");
    }

    /** The flags that map the archive into a test JVM, making it first when it is missing; empty when there is none. */
    public static synchronized List<String> testJvmFlags() {
        Path jar = jar();
        if (jar == null || Boolean.getBoolean("grade.nocds")) {
            return List.of();
        }
        Path archive = archive(jar);
        if (!fresh(archive, jar) && !tried) {
            tried = true;
            make(jar, archive);
        }
        if (!fresh(archive, jar)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The archive file to make readable in the sandbox, if any. */
    public static Path file() {
        Path jar = jar();
        return jar == null ? null : archive(jar);
    }

    private static boolean fresh(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** One warm-up run of the test JVM that writes the archive at its exit; any failure just leaves none. */
    private static void make(Path jar, Path archive) {
        Path tmp = null;
        Path scratch = null;
        try {
            Files.createDirectories(archive.getParent());
            tmp = Files.createTempFile(archive.getParent(), "test-jvm-", ".tmp");
            Files.delete(tmp); // the JVM writes it anew
            scratch = Files.createTempDirectory("grade-warmup-");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            command.addAll(TestRun.jvmFlags(scratch));
            command.addAll(List.of("-Dgrade.learner.classpath=", "-cp", jar.toString(), "grade.testjvm.TestMain",
                    scratch.resolve("results.jsonl").toString(), "10=" + grade.testjvm.Warmup.class.getName()));
            Process p = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return;
            }
            if (p.exitValue() == 0 && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // a folder we may not write to: go without
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next build to replace
                }
            }
            if (scratch != null) {
                org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
            }
        }
    }
}
