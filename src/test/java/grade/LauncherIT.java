package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The POSIX launcher as a learner runs it, against the jar this build packaged. */
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {
    private static String run(List<String> command) throws Exception {
        return Fixtures.runLogged(Path.of(System.getProperty("grade.home")), java.time.Duration.ofSeconds(120), Map.of(), command);
    }

    @Test
    void aJavaOlderThan17IsNamedInOneSentence(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path java = Files.createDirectories(dir.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        assertTrue(java.toFile().setExecutable(true));
        Path home = Path.of(System.getProperty("grade.home"));
        Path out = Files.createTempFile(dir, "launcher", ".txt");
        ProcessBuilder pb = new ProcessBuilder("./grade", "--version").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", dir.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher did not finish");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("is Java 11, and grade needs Java 17 or newer: install a JDK 17+"), text);
    }

    @Test
    void versionAndAGradeOfTheSolutions() throws Exception {
        String version = run(List.of("./grade", "--version"));
        assertTrue(version.startsWith("0\n") && version.contains("grade "), version);
        String grade = run(List.of("./grade", "day03", "offsets", "--solutions", "--no-color"));
        assertTrue(grade.startsWith("0\n"), grade);
        assertTrue(grade.contains("✔ day03/offsets"), grade);
        assertEquals(-1, grade.indexOf("building the grader"), "the jar of this build is fresh; the launcher must not rebuild it:\n" + grade);
    }

    @Test
    void classDataArchivesAreMadeOnceAndABadOneIsHarmless() throws Exception {
        Path cds = Path.of(System.getProperty("grade.home"), "target", "cds");
        org.apache.commons.io.FileUtils.deleteDirectory(cds.toFile());
        try {
            String first = run(List.of("./grade", "day03", "offsets", "--solutions", "--no-color"));
            assertTrue(first.startsWith("0\n") && first.contains("✔ day03/offsets"), first);
            assertTrue(Files.size(cds.resolve("grader.jsa")) > 0, "the first run after a build writes the grader's archive");
            assertTrue(Files.readString(cds.resolve("grader.jsa.java")).strip().endsWith("java"), "the archive names the java it was made with");
            List<Path> testJvm;
            try (var files = Files.list(cds)) {
                testJvm = files.filter(f -> f.getFileName().toString().startsWith("test-jvm-")).toList();
            }
            assertEquals(1, testJvm.size(), "the test JVM's archive is made once: " + testJvm);

            // a damaged archive costs only the speed: no warning, the same grade
            Files.write(cds.resolve("grader.jsa"), new byte[] {1, 2, 3});
            Files.write(testJvm.get(0), new byte[] {4, 5, 6});
            String again = run(List.of("./grade", "day03", "offsets", "--solutions", "--no-color"));
            assertTrue(again.startsWith("0\n") && again.contains("✔ day03/offsets"), again);
            assertEquals(-1, again.toLowerCase(java.util.Locale.ROOT).indexOf("archive"), again);
            assertEquals(-1, again.indexOf("[warning]"), again);
        } finally {
            org.apache.commons.io.FileUtils.deleteDirectory(cds.toFile());
        }
    }

    @Test
    void theJarRunsFromARelativePathToo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String grade = run(List.of(java, "-Dgrade.home=.", "-jar", "target/grade.jar", "day03", "offsets", "--solutions", "--no-color"));
        assertTrue(grade.startsWith("0\n") && grade.contains("✔ day03/offsets"), grade);
    }
}
