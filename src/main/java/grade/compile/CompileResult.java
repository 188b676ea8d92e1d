package grade.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of compiling one exercise's files.
 *
 * @param classes the compiled classes' folder (what the learner's programs run), or null when compiling failed
 * @param guarded the same classes as the test JVM loads them, their exit calls rewritten (see {@link ExitCalls})
 * @param errors  each error as {@code day03/Offsets.java:12:9: error: ...} with the source line and a caret
 * @param cached  whether the classes came from the cache of an earlier, identical compile
 */
public record CompileResult(Path classes, Path guarded, List<String> errors, boolean cached) {
    static final String CLASSES = "classes";
    static final String GUARDED = "guarded";

    public boolean ok() {
        return classes != null;
    }

    /**
     * Classes compiled already, elsewhere: {@code classes} as compiled, {@code guarded} the copy
     * that {@link ExitCalls#copyRewritten} made of them (a mutant of a reference solution).
     */
    public static CompileResult compiled(Path classes, Path guarded) {
        return new CompileResult(classes, guarded, List.of(), false);
    }

    static CompileResult of(Path out, boolean cached) {
        return new CompileResult(out.resolve(CLASSES), out.resolve(GUARDED), List.of(), cached);
    }

    static CompileResult failed(List<String> errors) {
        return new CompileResult(null, null, errors, false);
    }
}
