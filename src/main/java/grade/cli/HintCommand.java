package grade.cli;

import grade.terminal.Console;
import grade.course.Exercise;
import grade.course.Localized;
import grade.terminal.Style;
import grade.workspace.State;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "hint", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Show the next hint of an exercise; each call shows one more.",
        footerHeading = "%nExamples:%n", footer = {"  ./grade hint day03 tail", "  ./grade hint day03 tail --all"})
final class HintCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    OneExercise target;

    @Option(names = "--all", description = "Show every hint at once.")
    boolean all;

    /** "Hint n/N: text", as hint and watch show it. */
    static String line(Style style, List<Localized> hints, int n, grade.course.Lang lang) {
        return style.bold(lang.pick("Hint ", "提示 ") + n + "/" + hints.size() + lang.pick(": ", "：")) + hints.get(n - 1).get(lang);
    }

    @Override
    public Integer call() {
        Context ctx = new Context(common);
        Exercise e = target.in(ctx);
        PrintStream out = Console.out();
        Style style = common.style();
        Optional<Workspace> ws = ctx.workspace(false, out);
        Optional<State> state = ws.map(State::load);
        List<Localized> hints = e.hints();
        int shown = state.map(s -> s.progress(e.id()).hintsShown).orElse(0);
        int upTo = state.map(s -> s.showHints(e.id(), hints.size(), all)).orElse(all ? hints.size() : 1);
        for (int i = 0; i < upTo; i++) {
            out.println(line(style, hints, i + 1, common.lang()));
        }
        if (upTo < hints.size()) {
            int more = hints.size() - upTo;
            out.println(style.dim(common.lang().pick("Ask again for the next hint (" + more + " more), or --all for every one.",
                    "再问一次会给出下一条提示（还有 " + more + " 条），--all 一次给出全部。")));
        } else if (!all && shown >= hints.size()) {
            String show = "./grade show " + e.day() + " " + e.slug();
            out.println(style.dim(common.lang().pick("That was the last hint. The statement may help too: " + show,
                    "这是最后一条提示了。题目也许也有帮助：" + show)));
        }
        return 0;
    }
}
