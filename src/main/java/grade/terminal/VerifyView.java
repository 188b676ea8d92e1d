package grade.terminal;

import grade.kit.Text;
import grade.verify.Check;
import grade.verify.VerifyReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code grade verify}'s report in the terminal: each exercise, what failed, the warnings, the summary. */
public final class VerifyView {
    private VerifyView() {
    }

    public static void print(PrintStream out, Style style, VerifyReport report, grade.course.Lang lang) {
        for (Map.Entry<String, List<Check>> e : report.checks().entrySet()) {
            boolean ok = e.getValue().stream().allMatch(Check::ok);
            out.println((ok ? style.green("✔") : style.red("✘")) + " " + style.bold(e.getKey()) + style.dim("  "
                    + e.getValue().size() + lang.pick(" checks", " 项检查")));
            for (Check c : e.getValue()) {
                if (!c.ok()) {
                    out.println("    " + style.red("✘") + " " + c.name());
                    out.println(Text.indent(Text.block(c.detail(), 6000), "        "));
                }
            }
            for (String w : report.warnings().getOrDefault(e.getKey(), List.of())) {
                out.println("    " + style.yellow("!") + " " + style.yellow(lang.pick("warning: ", "注意：")) + Text.line(w));
            }
        }
        out.println();
        long passed = report.total() - report.failed();
        out.println(lang.pick("verify: " + passed + " passed, " + report.failed() + " failed",
                "verify：" + passed + " 项通过，" + report.failed() + " 项没通过"));
        out.println((report.ok() ? style.green(lang.pick("The course is sound.", "课程没有问题。"))
                : style.red(lang.pick("The course has problems (above).", "课程有问题（见上）。")))
                + style.dim(" " + TerminalReport.seconds(report.millis())));
    }
}
