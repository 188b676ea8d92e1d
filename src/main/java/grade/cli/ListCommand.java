package grade.cli;

import grade.terminal.Console;
import grade.course.Day;
import grade.course.Exercise;
import grade.terminal.Style;
import grade.workspace.State;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "The course as plain text: every day and exercise with your progress (like `grade` alone, without colour).",
        footerHeading = "%nExample:%n", footer = "  ./grade list")
final class ListCommand implements Callable<Integer> {
    private static final int BAR = 20;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        return print(new Context(common), Console.out(), new Style(false));
    }

    /** The overview: each day with its exercises and a progress bar, the whole course, and what to do next. */
    int print(Context ctx, PrintStream out, Style style) {
        Optional<Workspace> ws = ctx.workspace(false, out);
        Optional<State> state = ws.map(State::load);
        state.map(State::warning).ifPresent(w -> Console.err().println("grade: " + w));
        grade.course.Lang lang = ctx.options.lang();
        Exercise next = null;
        int passedAll = 0;
        int total = 0;
        for (Day d : ctx.course.days()) {
            List<String> statuses = d.exercises().stream()
                    .map(e -> state.map(s -> s.progress(e.id()).status).orElse("not tried")).toList();
            int passed = (int) statuses.stream().filter("pass"::equals).count();
            passedAll += passed;
            total += statuses.size();
            out.println(style.bold(String.format("%-6s", d.id())) + " " + bar(passed, statuses.size(), style) + "  "
                    + style.bold(d.title().get(ctx.options.lang())));
            for (int i = 0; i < d.exercises().size(); i++) {
                Exercise e = d.exercises().get(i);
                String status = statuses.get(i);
                String mark = switch (status) {
                    case "pass" -> style.green("✔");
                    case "fail", "error" -> style.red("✘");
                    default -> style.dim("·");
                };
                if (next == null && !"pass".equals(status)) {
                    next = e;
                }
                String tried = switch (status) {
                    case "pass" -> lang.pick("passed", "已通过");
                    case "fail" -> lang.pick("failed", "未通过");
                    case "error" -> lang.pick("did not run", "没能运行");
                    default -> lang.pick("not tried", "还没做");
                };
                out.println("       " + mark + " " + String.format("%-22s", e.id()) + grade.terminal.Width.pad(tried, 12)
                        + e.title().get(ctx.options.lang()));
            }
        }
        out.println();
        out.println(style.bold(lang.pick("course ", "全部   ")) + bar(passedAll, total, style) + "  "
                + lang.pick(passedAll + " of " + total + " exercises passed", total + " 个练习中通过了 " + passedAll + " 个"));
        if (ws.isEmpty()) {
            String first = style.cyan("./grade " + ctx.course.days().get(0).id());
            out.println(lang.pick("No workspace yet: " + first + " makes one (homework/) and grades the first day's homework.",
                    "还没有工作区：" + first + " 会建一个（homework/），并为第一天的作业评分。"));
        } else if (next != null) {
            String grade = style.cyan("./grade " + next.day() + " " + next.slug());
            String show = style.cyan("./grade show " + next.day() + " " + next.slug());
            out.println(lang.pick("Next: " + grade + " · statement: " + show + style.dim("  (workspace " + ws.get().root() + ")"),
                    "下一步：" + grade + " · 题目：" + show + style.dim("  （工作区 " + ws.get().root() + "）")));
        } else {
            out.println(style.green(lang.pick("Every exercise passed. Well done!", "所有练习都通过了。干得好！")));
        }
        return 0;
    }

    static String bar(int done, int of, Style style) {
        int filled = of == 0 ? 0 : Math.round((float) BAR * done / of);
        String full = style.color() ? "█" : "#";
        String empty = style.color() ? "░" : "-";
        return "[" + style.green(full.repeat(filled)) + style.dim(empty.repeat(BAR - filled)) + "] "
                + String.format("%2d/%-2d", done, of);
    }
}
