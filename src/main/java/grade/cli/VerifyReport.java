package grade.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.terminal.Style;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** What verify found, as text for a person or as JSON. */
final class VerifyReport {
    private VerifyReport() {
    }

    static void print(PrintStream out, Style style, Map<String, List<VerifyCommand.Check>> checks, boolean allOk, long millis) {
        int failed = 0;
        for (Map.Entry<String, List<VerifyCommand.Check>> e : checks.entrySet()) {
            boolean ok = e.getValue().stream().allMatch(VerifyCommand.Check::ok);
            out.println((ok ? style.green("✔") : style.red("✘")) + " " + style.bold(e.getKey()) + style.dim("  "
                    + e.getValue().size() + " checks"));
            for (VerifyCommand.Check c : e.getValue()) {
                if (!c.ok()) {
                    failed++;
                    out.println("    " + style.red("✘") + " " + c.name());
                    out.println(grade.kit.Text.indent(grade.kit.Text.block(c.detail(), 6000), "        "));
                }
            }
        }
        long total = checks.values().stream().mapToLong(List::size).sum();
        out.println();
        String summary = (total - failed) + " passed, " + failed + " failed";
        out.println("verify: " + summary);
        out.println((allOk ? style.green("The course is sound.") : style.red("The course has problems (above)."))
                + style.dim(" " + String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0)));
    }

    static String json(Map<String, List<VerifyCommand.Check>> checks, boolean allOk, long millis) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("status", allOk ? "pass" : "fail");
        root.addProperty("millis", millis);
        JsonArray exercises = new JsonArray();
        for (Map.Entry<String, List<VerifyCommand.Check>> e : checks.entrySet()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", e.getKey());
            x.addProperty("status", e.getValue().stream().allMatch(VerifyCommand.Check::ok) ? "pass" : "fail");
            JsonArray cs = new JsonArray();
            for (VerifyCommand.Check c : e.getValue()) {
                JsonObject y = new JsonObject();
                y.addProperty("name", c.name());
                y.addProperty("status", c.ok() ? "pass" : "fail");
                y.addProperty("message", c.detail());
                y.addProperty("millis", c.millis());
                cs.add(y);
            }
            x.add("checks", cs);
            exercises.add(x);
        }
        root.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
