package grade.cli;

import grade.terminal.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dist", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Build the learners' bundle (for instructors): no solutions, no test sources.",
    "The launchers, the grader's jar with the compiled hidden tests, and the statements and",
    "starters. Prints the bundle's folder and zip. A learner with only the bundle can init,",
    "show, grade, watch and get hints. It needs a course whose every day passed grade verify since",
    "its last change (--force: build it all the same)."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade dist", "  ./grade dist --out /tmp/course"})
final class DistCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", description = "Where to build it (default: target/dist beside grade).")
    Path out;

    @Option(names = "--force", description = "Build it even if the course did not pass grade verify since its last change.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path home = Home.find();
        PrintStream console = Console.out();
        requireVerified(home, force);
        jar(); // before anything is deleted
        String version = String.valueOf(Version.class.getPackage().getImplementationVersion());
        Path root = (out != null ? out : home.resolve("target/dist")).toAbsolutePath().resolve("grade-course-" + version);
        if (Files.exists(root)) {
            PathUtils.deleteDirectory(root);
        }
        build(home, root);
        Path zip = root.resolveSibling(root.getFileName() + ".zip");
        zip(root, zip);
        console.println("Built the learners' bundle:");
        console.println("  folder: " + root);
        console.println("  zip:    " + zip);
        return 0;
    }

    /**
     * Refuses, unless {@code force}, a course that did not pass {@code grade verify} since its
     * last change: learners must never get a starter that earns points or a test that fails a
     * correct solution.
     */
    static void requireVerified(Path home, boolean force) throws IOException {
        if (force) {
            return;
        }
        java.util.Optional<String> problem = grade.course.Verified.problem(home, grade.course.Catalogue.load(home),
                grade.batch.Fingerprint.course(home));
        if (problem.isPresent()) {
            throw new UserError(problem.get() + " (or add --force to hand it out unverified)");
        }
    }

    /** Builds the bundle of the course at {@code home} into the new folder {@code root}. */
    static void build(Path home, Path root) throws IOException {
        Path jar = jar();
        Path lib = jar.resolveSibling("lib");
        if (!Files.isDirectory(lib)) {
            throw new UserError("the grader's libraries are missing beside " + jar + " (lib/): build with ./grade first");
        }
        Files.createDirectories(root.resolve("target/lib"));
        // the launchers, and Exercism's test-runner entry point (bin/run.sh), which grades with them
        for (String launcher : List.of("grade", "grade.cmd", "bin/run.sh")) {
            Path l = home.resolve(launcher);
            if (Files.exists(l)) {
                Files.createDirectories(root.resolve(launcher).getParent());
                Files.copy(l, root.resolve(launcher), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        Files.copy(jar, root.resolve("target/grade.jar"));
        try (Stream<Path> s = Files.list(lib)) {
            for (Path p : s.toList()) {
                Files.copy(p, root.resolve("target/lib").resolve(p.getFileName()));
            }
        }
        PathUtils.copyDirectory(home.resolve("exercises"), root.resolve("exercises"));
        Files.writeString(root.resolve("README.md"), readme(), StandardCharsets.UTF_8);
    }

    private static Path jar() {
        try {
            Path p = Path.of(DistCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
                return p;
            }
        } catch (URISyntaxException | SecurityException e) {
            // reported below
        }
        throw new UserError("`grade dist` packs the built grader: run it through ./grade, not from compiled classes");
    }

    private static String readme() {
        return """
                # The course's exercises

                You need Java 17 or newer (a JDK). Then:

                ```sh
                ./grade day01            # makes your workspace homework/, shows and grades day 1 (grade.cmd on Windows)
                ./grade                  # the course and your progress
                ./grade watch            # re-grade on every save
                ./grade hint day01 wc    # a hint
                ./grade --help           # everything else
                ```

                Your files are in homework/; grade never changes them. If ./grade is not executable after
                unzipping, run it as `sh grade day01`.
                """;
    }

    private static void zip(Path root, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(file);
             Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry e = new ZipEntry(root.getFileName() + "/" + root.relativize(p).toString().replace('\\', '/'));
                z.putNextEntry(e);
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }
}
