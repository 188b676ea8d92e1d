package grade.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of compiling one exercise's files.
 *
 * @param classes the compiled classes' folder, or null when compiling failed
 * @param errors  each error as {@code day03/Offsets.java:12:9: error: ...} with the source line and a caret
 * @param cached  whether the classes came from the cache of an earlier, identical compile
 */
public record CompileResult(Path classes, List<String> errors, boolean cached) {
    public boolean ok() {
        return classes != null;
    }
}
