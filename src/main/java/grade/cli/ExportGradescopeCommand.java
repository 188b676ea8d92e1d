package grade.cli;

import grade.terminal.Console;
import grade.course.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gradescope", mixinStandardHelpOptions = true, description = {"Build a Gradescope autograder zip for a day (or some of its exercises).",
    "The zip holds setup.sh (installs a JDK 17 with apt), run_autograder (puts the",
    "submitted dayNN/Name.java or Name.java files into a workspace, grades them and",
    "always writes /autograder/results/results.json) and the learners' bundle. It needs a course",
    "whose every day passed grade verify since its last change (--force: build it all the same)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade export gradescope day03", "  ./grade export gradescope day03 offsets tail -o day03.zip"})
final class ExportGradescopeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DAY", description = "The day to grade, such as day03.")
    String day;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "EXERCISE", description = "Only these exercises of the day.")
    List<String> exercises = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the zip (default: target/gradescope-DAY.zip beside grade).")
    Path output;

    @Option(names = "--due-date-from-submission", description = "Tests hidden until a date stay hidden until the assignment's due date on"
            + " Gradescope (read from each submission's submission_metadata.json) instead of their own date, so the date is set in one place.")
    boolean dueDateFromSubmission;

    @Option(names = "--force", description = "Build it even if the course did not pass grade verify since its last change.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Context ctx = new Context(new CommonOptions());
        List<Exercise> chosen = ctx.select(List.of(day), exercises);
        DistCommand.requireVerified(ctx.home, force);
        String dayId = chosen.get(0).day();
        String name = "gradescope-" + dayId + (exercises.isEmpty() ? "" : "-" + String.join("-", chosen.stream().map(Exercise::slug).toList()));
        Path zip = (output != null ? output : ctx.home.resolve("target").resolve(name + ".zip")).toAbsolutePath();
        Set<String> files = new LinkedHashSet<>();
        chosen.forEach(e -> files.addAll(e.files()));
        List<String> args = new ArrayList<>(List.of(dayId));
        if (!exercises.isEmpty()) {
            chosen.forEach(e -> args.add(e.slug()));
        }
        String what = exercises.isEmpty() ? dayId : String.join(", ", chosen.stream().map(Exercise::id).toList());
        String runAutograder = template("run_autograder").replace("@WHAT@", what).replace("@ARGS@", String.join(" ", args))
                .replace("@DUE@", dueDateFromSubmission ? "--due-date-from \"$root/submission_metadata.json\" " : "");
        Path work = Files.createTempDirectory("grade-export-");
        try {
            Path bundle = work.resolve("course");
            DistCommand.build(ctx.home, bundle);
            Files.createDirectories(zip.getParent());
            Path tmp = zip.resolveSibling("." + zip.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                write(tmp, template("setup.sh"), runAutograder, bundle);
                try {
                    Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } finally {
            PathUtils.deleteDirectory(work);
        }
        Console.out().println("Wrote the Gradescope autograder for " + what + " to " + zip);
        Console.out().println("Upload it as the autograder of a programming assignment; students submit " + String.join(", ", files)
                + " (in their dayNN/ folder or on their own).");
        return 0;
    }

    /** The zip: setup.sh and run_autograder at its root (executable), the bundle under course/. */
    private static void write(Path zip, String setup, String runAutograder, Path bundle) throws IOException {
        URI uri = URI.create("jar:" + zip.toUri());
        try (FileSystem z = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            script(z.getPath("/setup.sh"), setup);
            script(z.getPath("/run_autograder"), runAutograder);
            try (Stream<Path> all = Files.walk(bundle)) {
                for (Path p : all.sorted().toList()) {
                    Path in = z.getPath("/course").resolve(bundle.relativize(p).toString().replace('\\', '/'));
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(in);
                    } else {
                        Files.copy(p, in);
                        boolean launcher = p.getParent().equals(bundle) && p.getFileName().toString().equals("grade");
                        Files.setPosixFilePermissions(in, PosixFilePermissions.fromString(launcher ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
    }

    private static void script(Path in, String text) throws IOException {
        Files.writeString(in, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(in, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static String template(String name) throws IOException {
        try (InputStream in = ExportGradescopeCommand.class.getResourceAsStream("/grade/export/" + name)) {
            if (in == null) {
                throw new IOException("the grader's jar lacks its template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
