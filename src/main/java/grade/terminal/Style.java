package grade.terminal;

import grade.report.Status;
import org.fusesource.jansi.Ansi;

/** Colour for the terminal, or none: with --no-color, NO_COLOR, or when output is not a terminal. */
public final class Style {
    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    /**
     * Whether to colour: not when asked not to, not under NO_COLOR, not into a pipe or a file.
     */
    public static boolean wanted(boolean noColorFlag) {
        String noColor = System.getenv("NO_COLOR");
        if (noColorFlag || (noColor != null && !noColor.isEmpty())) {
            return false;
        }
        return Terminal.fancy();
    }

    public String green(String s) {
        return paint(s, Ansi.Color.GREEN, false);
    }

    public String red(String s) {
        return paint(s, Ansi.Color.RED, false);
    }

    public String yellow(String s) {
        return paint(s, Ansi.Color.YELLOW, false);
    }

    public String cyan(String s) {
        return paint(s, Ansi.Color.CYAN, false);
    }

    public String bold(String s) {
        return color ? Ansi.ansi().bold().a(s).boldOff().toString() : s;
    }

    public String dim(String s) {
        return color ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(s).reset().toString() : s;
    }

    private String paint(String s, Ansi.Color c, boolean bright) {
        if (!color) {
            return s;
        }
        Ansi a = Ansi.ansi();
        return (bright ? a.fgBright(c) : a.fg(c)).a(s).reset().toString();
    }

    public String mark(Status s) {
        return switch (s) {
            case PASS -> green("✔");
            case FAIL -> red("✘");
            case ERROR -> yellow("!");
        };
    }
}
