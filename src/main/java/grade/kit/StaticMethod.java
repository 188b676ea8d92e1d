package grade.kit;

import java.lang.reflect.Method;

/**
 * A learner's public static method. {@link #call} rethrows whatever the learner's code throws,
 * unwrapped, so a test can use {@code assertThrows(IllegalArgumentException.class, ...)}.
 */
public final class StaticMethod extends LearnerMethod {
    StaticMethod(Method method, String signature) {
        super(method, signature);
    }

    /**
     * Calls the method; the result is cast to what the caller expects.
     * <pre>{@code String text = readFrom.call(file, 7L);}</pre>
     */
    public <T> T call(Object... args) {
        return Failures.invoke(method, signature(), null, args);
    }
}
