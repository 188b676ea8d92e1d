package grade.cli;

import grade.terminal.Console;
import grade.course.Exercise;
import grade.workspace.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reset", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Put back the starter of an exercise, after backing up your files.",
    "Your current files are first copied to a new folder under backups/ in the workspace, and",
    "grade says where: nothing you wrote is lost. It asks first unless --yes."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade reset day03 tail", "  ./grade reset day03 tail --yes"})
final class ResetCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    OneExercise target;

    @Option(names = {"-y", "--yes"}, description = "Do not ask first.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Context ctx = new Context(common);
        Exercise e = target.in(ctx);
        PrintStream out = Console.out();
        Workspace ws = ctx.workspace(false, out).orElseThrow(() -> new UserError(
                "there is no workspace to reset in; `./grade init` makes one"));
        if (!yes) {
            out.print("Put back the starter of " + e.id() + " (" + String.join(", ", e.files()) + ")? Your current files are kept in "
                    + "backups/ first. [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                out.println(answer == null ? "\nNo answer (is input closed?); nothing was changed. Use --yes to reset without asking." : "Nothing was changed.");
                return answer == null ? Main.USAGE : 0;
            }
        }
        Path backup = backup(ws, e);
        for (String f : e.files()) {
            Path target = ws.root().resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(e.starterRoot().resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("Put back the starter of " + e.id() + ".");
        if (backup != null) {
            out.println("Your previous files are in " + backup);
        }
        return 0;
    }

    /** Copies the learner's current files of the exercise to a new timestamped folder; null when there are none. */
    static Path backup(Workspace ws, Exercise e) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dir = ws.root().resolve("backups").resolve(stamp + "-" + e.day() + "-" + e.slug());
        for (int n = 2; Files.exists(dir); n++) {
            dir = ws.root().resolve("backups").resolve(stamp + "-" + e.day() + "-" + e.slug() + "-" + n);
        }
        boolean any = false;
        for (String f : e.files()) {
            Path source = ws.root().resolve(f);
            if (Files.exists(source)) {
                Path target = dir.resolve(f);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                any = true;
            }
        }
        return any ? dir : null;
    }
}
