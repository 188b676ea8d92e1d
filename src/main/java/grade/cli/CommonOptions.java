package grade.cli;

import grade.course.Lang;
import grade.terminal.Style;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR",
            description = "The learner workspace to use (default: the nearest one above the current folder, else homework/ beside grade).")
    Path workspace;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of statements, titles and hints (default: from the locale).")
    Lang lang;

    @Option(names = "--sandbox", paramLabel = "auto|bwrap|none",
            description = "Where learner code runs: bwrap (a bubblewrap sandbox), none (separate processes), auto (bwrap when it works here; default).")
    String sandbox = "auto";

    /** Applies --sandbox (or GRADE_SANDBOX) and returns the mode in force. */
    grade.engine.Sandbox.Mode sandbox() {
        String wanted = System.getenv("GRADE_SANDBOX") != null && "auto".equals(sandbox) ? System.getenv("GRADE_SANDBOX") : sandbox;
        switch (wanted) {
            case "bwrap" -> grade.engine.Sandbox.force(grade.engine.Sandbox.Mode.BWRAP);
            case "none" -> grade.engine.Sandbox.force(grade.engine.Sandbox.Mode.PROCESSES);
            case "auto" -> { }
            default -> throw new UserError("--sandbox takes auto, bwrap or none, not \"" + wanted + "\"");
        }
        return grade.engine.Sandbox.mode();
    }

    /** The language in force; also handed to the test JVM, whose own messages follow it. */
    Lang lang() {
        Lang l = lang != null ? lang : Lang.fromLocale();
        System.setProperty("grade.lang", l.code());
        return l;
    }

    Style style() {
        return new Style(Style.wanted(noColor));
    }

    Path cwd() {
        return Path.of("").toAbsolutePath();
    }
}
