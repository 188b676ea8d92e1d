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

    public static void print(PrintStream out, Style style, VerifyReport report) {
        for (Map.Entry<String, List<Check>> e : report.checks().entrySet()) {
            boolean ok = e.getValue().stream().allMatch(Check::ok);
            out.println((ok ? style.green("✔") : style.red("✘")) + " " + style.bold(e.getKey()) + style.dim("  "
                    + e.getValue().size() + " checks"));
            for (Check c : e.getValue()) {
                if (!c.ok()) {
                    out.println("    " + style.red("✘") + " " + c.name());
                    out.println(Text.indent(Text.block(c.detail(), 6000), "        "));
                }
            }
            for (String w : report.warnings().getOrDefault(e.getKey(), List.of())) {
                out.println("    " + style.yellow("!") + " " + style.yellow("warning: ") + Text.line(w));
            }
        }
        out.println();
        out.println("verify: " + (report.total() - report.failed()) + " passed, " + report.failed() + " failed");
        out.println((report.ok() ? style.green("The course is sound.") : style.red("The course has problems (above)."))
                + style.dim(" " + TerminalReport.seconds(report.millis())));
    }
}
