package grade.cli;

import grade.course.Day;
import grade.course.Exercise;
import grade.report.Style;
import grade.workspace.State;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List every day and exercise with your progress.",
        footerHeading = "%nExample:%n", footer = "  ./grade list")
final class ListCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return print(new Context(common), Console.out(), common.style());
    }

    int print(Context ctx, PrintStream out, Style style) {
        Optional<Workspace> ws = ctx.workspace(false, out);
        Optional<State> state = ws.map(State::load);
        Exercise next = null;
        for (Day d : ctx.course.days()) {
            out.println(style.bold(d.id() + "  " + d.title().get(ctx.options.lang())));
            for (Exercise e : d.exercises()) {
                String status = state.map(s -> s.progress(e.id()).status).orElse("not tried");
                String mark = switch (status) {
                    case "pass" -> style.green("✔");
                    case "fail", "error" -> style.red("✘");
                    default -> style.dim("·");
                };
                if (next == null && !"pass".equals(status)) {
                    next = e;
                }
                out.println("  " + mark + " " + String.format("%-22s", e.id()) + e.title().get(ctx.options.lang()));
            }
        }
        out.println();
        if (ws.isEmpty()) {
            out.println("No workspace yet: `./grade " + ctx.course.days().get(0).id() + "` makes one and grades day 1's homework.");
        } else if (next != null) {
            out.println("Next: " + style.cyan("./grade " + next.day() + " " + next.slug()) + style.dim("  (workspace " + ws.get().root() + ")"));
        } else {
            out.println(style.green("Every exercise passed. Well done!"));
        }
        return 0;
    }
}
