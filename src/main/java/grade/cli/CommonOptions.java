package grade.cli;

import grade.course.Lang;
import grade.engine.Limits;
import grade.engine.Sandbox;
import grade.engine.Settings;
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

    private Settings settings;

    /**
     * The settings these options ask for: the language, the sandbox (--sandbox, else
     * GRADE_SANDBOX, else auto), the limits (-Dgrade.limit.NAME=N), a job per core.
     */
    Settings settings() {
        if (settings == null) {
            String wanted = System.getenv("GRADE_SANDBOX") != null && "auto".equals(sandbox) ? System.getenv("GRADE_SANDBOX") : sandbox;
            Sandbox.Mode mode;
            Limits limits;
            try {
                mode = Sandbox.choose(wanted);
                limits = Limits.fromSystem();
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            settings = new Settings(lang(), mode, limits, Runtime.getRuntime().availableProcessors(), false);
        }
        return settings;
    }

    /** The language asked for, else the locale's. */
    Lang lang() {
        return lang != null ? lang : Lang.fromLocale();
    }

    Style style() {
        return new Style(Style.wanted(noColor));
    }

    Path cwd() {
        return Path.of("").toAbsolutePath();
    }
}
