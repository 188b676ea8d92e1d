package grade.engine;

import grade.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A class data sharing archive for the test JVM: the classes of JUnit, the runner and the kit,
 * already parsed and verified, mapped into each new test JVM instead of loaded from the jar. It
 * saves about a third of a test JVM's start. The archive is made once per build of the grader
 * (and per Java version) by a test JVM that runs only the warm-up tests ({@code
 * grade.testjvm.Warmup}), with the grader's class path alone; a test JVM's class path is that
 * plus the learner's folder, which the JVM accepts. A missing, stale or unusable archive only
 * costs that saving: the JVM then loads classes the usual way, silently.
 */
final class ClassDataArchive {
    private static boolean tried;

    private ClassDataArchive() {
    }

    private static Path archive(Path jar) {
        String version = System.getProperty("java.vm.version", "unknown").replaceAll("[^A-Za-z0-9.+_-]", "_");
        return jar.resolveSibling("cds").resolve("test-jvm-" + version + ".jsa");
    }

    /** The flags that map the archive into a test JVM, making it first when it is missing; empty when there is none. */
    static synchronized List<String> testJvmFlags(Settings settings) throws IOException {
        Path jar = GraderFiles.jar();
        if (jar == null) {
            return List.of();
        }
        Path archive = archive(jar);
        if (!fresh(archive, jar) && !tried) {
            tried = true;
            make(settings, archive);
        }
        if (!fresh(archive, jar)) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static boolean fresh(Path archive, Path jar) throws IOException {
        return Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(SealedModule.jar())) >= 0;
    }

    /**
     * One warm-up run of the test JVM, outside the sandbox (the archive is written beside the
     * grader's jar), that writes the archive at its exit; any failure just leaves none.
     */
    private static void make(Settings settings, Path archive) {
        Path tmp = null;
        RunFolders folders = null;
        TestJvm jvm = null;
        try {
            Files.createDirectories(archive.getParent());
            tmp = Files.createTempFile(archive.getParent(), "test-jvm-", ".tmp");
            Files.delete(tmp); // the JVM writes it anew
            folders = RunFolders.create();
            Settings plain = new Settings(settings.lang(), Sandbox.Mode.PROCESSES, settings.limits(), 1, false);
            jvm = TestJvm.startArchiving(plain, folders, tmp);
            try (Connection c = jvm.connect(60_000)) {
                if (c == null) {
                    return;
                }
                c.send(new Message.Work(List.of(), false));
                Process p = jvm.process();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.size(tmp) > 0) {
                    Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            // a folder we may not write to: go without
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (jvm != null) {
                jvm.end();
            }
            if (folders != null) {
                folders.delete();
            }
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // left for the next build to replace
                }
            }
        }
    }
}
