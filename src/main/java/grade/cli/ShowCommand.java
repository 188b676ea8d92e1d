package grade.cli;

import grade.terminal.Markdown;
import grade.terminal.Terminal;
import grade.terminal.Console;
import grade.course.Day;
import grade.course.Exercise;
import grade.course.Lang;
import grade.terminal.Style;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Print the statement of an exercise, or of every exercise of a day.",
        footerHeading = "%nExamples:%n", footer = {"  ./grade show day03", "  ./grade show day03 tail --lang zh"})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "DAY")
    String day;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXERCISE")
    String exercise;

    @Override
    public Integer call() throws IOException {
        Context ctx = new Context(common);
        Day d = ctx.day(day);
        List<Exercise> chosen = exercise == null ? d.exercises() : List.of(ctx.exercise(d, exercise));
        printHomework(ctx, chosen, Console.out(), common.style(), common.lang());
        return 0;
    }

    static void printHomework(Context ctx, List<Exercise> exercises, PrintStream out, Style style, Lang lang) throws IOException {
        for (Exercise e : exercises) {
            out.println(style.bold(style.cyan("━━ " + e.id() + " · " + e.title().get(lang) + " ━━")));
            out.println(Markdown.render(Files.readString(e.statement(lang), StandardCharsets.UTF_8), style, Math.min(100, Terminal.width())));
            out.println(style.dim(lang.pick("Your files: ", "你的文件：") + String.join(", ", e.files())
                    + lang.pick(" · grade it: ", " · 评分：") + "./grade " + e.day() + " " + e.slug()));
            out.println();
        }
    }
}
