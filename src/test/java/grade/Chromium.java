package grade;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium as the tests' browser: it opens a page as a person would, from its file,
 * and hands back the DOM as rendered (after the page's script ran), a screenshot and every
 * script error the page raised. Each page gets a new empty profile; the flags keep Chromium
 * from reaching for the network, which this machine may not have.
 */
public final class Chromium {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private Chromium() {
    }

    /** The page as the browser left it: its DOM, the errors its scripts raised, and where its screenshot is. */
    public record Page(String dom, List<String> scriptErrors, Path screenshot) {
    }

    /** Chromium on this machine: $CHROMIUM, else chromium (or Chrome) on the PATH. */
    public static Optional<Path> find() {
        String named = System.getenv("CHROMIUM");
        if (named != null && Files.isExecutable(Path.of(named))) {
            return Optional.of(Path.of(named));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Whether the browser tests must run here: where Chromium is, and always in CI, which installs it. */
    public static boolean wanted() {
        return find().isPresent() || System.getenv("CI") != null;
    }

    /** Opens {@code page} in a window {@code width} × {@code height}, keeping its screenshot in {@code work}. */
    public static Page open(URI page, Path work, int width, int height) throws IOException, InterruptedException {
        Path chromium = find().orElseThrow(() -> new IllegalStateException("no Chromium here: install Debian's chromium package"));
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path screenshot = work.resolve("screenshot-" + profile.getFileName() + ".png");
        Path dom = work.resolve("dom-" + profile.getFileName() + ".html");
        Path log = work.resolve("log-" + profile.getFileName() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=" + width + "," + height, "--screenshot=" + screenshot, "--dump-dom", page.toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish with " + page + " within " + TIMEOUT);
        }
        List<String> errors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(":CONSOLE") && l.contains("Uncaught")).toList();
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        if (html.isBlank()) {
            throw new IllegalStateException("Chromium (exit status " + p.exitValue() + ") gave no DOM for " + page + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Page(html, errors, screenshot);
    }
}
