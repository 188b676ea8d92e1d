package grade.cli;

import grade.course.Lang;
import grade.report.Style;
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
