package grade.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder that holds the course ({@code exercises/}, and {@code solutions/} for instructors):
 * given by the launcher as {@code -Dgrade.home}, or found above the jar.
 */
final class Home {
    private Home() {
    }

    static Path find() {
        String prop = System.getProperty("grade.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            Path p = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("exercises"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working folder
        }
        return Path.of("").toAbsolutePath();
    }
}
