package grade.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The terminal's width in columns: $COLUMNS, else the tty's own size, else 100. */
public final class Terminal {
    private Terminal() {
    }

    public static int width() {
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("\\d{2,4}")) {
            return Integer.parseInt(columns);
        }
        if (System.console() != null && Files.isExecutable(Path.of("/bin/stty"))) {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor(2, TimeUnit.SECONDS) && out.matches("\\d+ \\d+")) {
                    return Integer.parseInt(out.substring(out.indexOf(' ') + 1));
                }
            } catch (IOException e) {
                // no tty size: the default below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 100;
    }
}
