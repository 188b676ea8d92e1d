package grade;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grade.engine.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A small course of its own, written into a folder for the grader's tests: day90 with a method
 * exercise (sum) and a program exercise (hello), whose hidden tests live in src/test/java/day90.
 */
final class Fixtures {
    static final String SUM_OK = """
            package day90;

            public class Sum {
                public static int add(int a, int b) {
                    return a + b;
                }
            }
            """;
    static final String SUM_STARTER = """
            package day90;

            public class Sum {
                public static int add(int a, int b) {
                    throw new UnsupportedOperationException("TODO: add");
                }
            }
            """;
    static final String HELLO_OK = """
            package day90;

            public class Hello {
                public static void main(String[] args) {
                    System.out.println("hello " + args[0]);
                }
            }
            """;

    private Fixtures() {
    }

    /** Settings for grading in {@code mode}, in English, under the default limits. */
    static grade.engine.Settings settings(grade.engine.Sandbox.Mode mode) {
        return new grade.engine.Settings(grade.course.Lang.EN, mode, grade.engine.Limits.DEFAULT, 2, false);
    }

    /** Settings for grading in the sandbox where it works here. */
    static grade.engine.Settings settings() {
        return settings(grade.engine.Sandbox.choose("auto"));
    }

    /** Each case once in each sandbox mode: bubblewrap and plain processes. */
    static Stream<Arguments> inBothModes(List<?> cases) {
        return Stream.of(Sandbox.Mode.BWRAP, Sandbox.Mode.PROCESSES).flatMap(m -> cases.stream().map(c -> Arguments.of(m, c)));
    }

    /** Skips the test where {@code mode} is bubblewrap and bubblewrap does not work on this machine. */
    static void assumeWorks(Sandbox.Mode mode) {
        assumeTrue(mode != Sandbox.Mode.BWRAP || Sandbox.choose("bwrap") == Sandbox.Mode.BWRAP, "bubblewrap does not work on this machine");
    }

    /** Writes the course under {@code home}; returns home. */
    static Path course(Path home) throws IOException {
        write(home.resolve("exercises/day90/day.json"), """
                {"title": {"en": "Fixture day", "zh": "测试日"}, "exercises": ["sum", "hello"]}
                """);
        exercise(home, "sum", "day90/Sum.java", "day90.SumTest", SUM_STARTER, 5);
        exercise(home, "hello", "day90/Hello.java", "day90.HelloTest", """
                package day90;

                public class Hello {
                    public static void main(String[] args) {
                        // TODO
                    }
                }
                """, 10);
        write(home.resolve("solutions/day90/sum/day90/Sum.java"), SUM_OK);
        write(home.resolve("solutions/day90/hello/day90/Hello.java"), HELLO_OK);
        return home;
    }

    static final String TWICE_OK = """
            package day90;

            public class Twice {
                public static int twice(int x) {
                    return 2 * x;
                }
            }
            """;
    /** Fails only the always-hidden test, and prints a secret while doing so. */
    static final String TWICE_NO_NEGATIVES = """
            package day90;

            public class Twice {
                public static int twice(int x) {
                    if (x < 0) {
                        System.out.println("SECRET-PRINT of the hidden case");
                        return 0;
                    }
                    return 2 * x;
                }
            }
            """;
    /** Fails only the test hidden until 2999. */
    static final String TWICE_SMALL_ONLY = TWICE_OK.replace("return 2 * x;", "return x >= 100 ? 0 : 2 * x;");

    /**
     * Adds day90/twice to the course at {@code home}: tests with weights and visibilities
     * (day90.TwiceTest, plus {@code extraTests}), 10 points, and its reference solution.
     */
    static void twice(Path home, String... extraTests) throws IOException {
        write(home.resolve("exercises/day90/day.json"), """
                {"title": {"en": "Fixture day", "zh": "测试日"}, "exercises": ["sum", "hello", "twice"]}
                """);
        String tests = String.join("\", \"", java.util.stream.Stream.concat(java.util.stream.Stream.of("day90.TwiceTest"),
                java.util.Arrays.stream(extraTests)).toList());
        exercise(home, "twice", "day90/Twice.java", tests, TWICE_OK.replace("return 2 * x;", "throw new UnsupportedOperationException(\"TODO\");"), 5);
        write(home.resolve("solutions/day90/twice/day90/Twice.java"), TWICE_OK);
    }

    static void exercise(Path home, String slug, String file, String test, String starter, int timeout) throws IOException {
        Path dir = home.resolve("exercises/day90/" + slug);
        write(dir.resolve("exercise.json"), """
                {
                  "id": "day90/%s",
                  "title": {"en": "Fixture %s", "zh": "测试 %s"},
                  "files": ["%s"],
                  "tests": ["%s"],
                  "points": 10,
                  "timeout": %d,
                  "hints": [{"en": "first", "zh": "第一"}, {"en": "second", "zh": "第二"}]
                }
                """.formatted(slug, slug, slug, file, test, timeout));
        write(dir.resolve("README.md"), "# Fixture " + slug + "\n\nWrite `" + file + "`.\n");
        write(dir.resolve("README.zh.md"), "# 测试 " + slug + "\n\n写 `" + file + "`。\n");
        write(dir.resolve("starter/" + file), starter);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** What a run of the grader's command line did. */
    record Run(int exit, String out, String err) {
    }

    /** Runs the grader's command line as its own JVM, as a user would. */
    static Run grade(Path home, Path cwd, String... args) throws IOException, InterruptedException {
        return grade(home, cwd, List.of(), List.of(), args);
    }

    /**
     * The same, with {@code jvmOptions} (such as -Dfile.encoding=US-ASCII) and {@code moreClasses}
     * (such as the compiled hidden tests of an exercise that `grade new` made) on its class path.
     */
    static Run grade(Path home, Path cwd, List<String> jvmOptions, List<Path> moreClasses, String... args)
            throws IOException, InterruptedException {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        moreClasses.forEach(c -> classPath.add(c.toString()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dgrade.home=" + home, "-cp", String.join(java.io.File.pathSeparator, classPath), "grade.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("grade-out", ".txt");
        Path err = Files.createTempFile("grade-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("NO_COLOR");
            pb.environment().put("LANG", "C.UTF-8");
            Process p = pb.start();
            p.getOutputStream().close(); // no input, as from a script
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("grade " + String.join(" ", args) + " did not finish within 120 s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs a command in {@code dir} with a UTF-8 locale, stdin closed and {@code env} added, and
     * returns its exit status and everything it printed: {@code "0\n..."}. Fails the test when it
     * has not finished within {@code timeout}.
     */
    static String runLogged(Path dir, java.time.Duration timeout, Map<String, String> env, List<String> command) throws Exception {
        Path log = Files.createTempFile("grade-run", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("LANG", "C.UTF-8");
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                org.junit.jupiter.api.Assertions.fail("did not finish within " + timeout + ": " + String.join(" ", command));
            }
            return p.exitValue() + "\n" + Files.readString(log, java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * Prints a table of what a suite measured, and writes it to {@code target/NAME} for the
     * record: a header row of {@code columns}, then {@code rows} (each already "| a | b |").
     */
    static void table(String name, List<String> columns, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of("| " + String.join(" | ", columns) + " |",
                "|" + " --- |".repeat(columns.size())));
        synchronized (rows) {
            lines.addAll(rows);
        }
        System.out.println(String.join("\n", lines));
        if (Files.isDirectory(Path.of("target"))) {
            Files.write(Path.of("target", name), lines, StandardCharsets.UTF_8);
        }
    }
}
