package grade.kit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A learner's public static method. {@link #call} rethrows whatever the learner's code throws,
 * unwrapped, so a test can use {@code assertThrows(IllegalArgumentException.class, ...)}.
 */
public final class StaticMethod {
    private final Method method;
    private final String signature;

    StaticMethod(Method method, String signature) {
        this.method = method;
        this.signature = signature;
    }

    /**
     * Calls the method; the result is cast to what the caller expects.
     * <pre>{@code String text = readFrom.call(file, 7L);}</pre>
     */
    @SuppressWarnings("unchecked")
    public <T> T call(Object... args) {
        try {
            return (T) method.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw Failures.rethrow(e);
        } catch (IllegalAccessException e) {
            throw Expect.fail(Say.pick("`" + signature + "` must be public, in a public class",
                    "`" + signature + "` 必须是 public 的，并且写在一个 public 类里"));
        } catch (ExceptionInInitializerError e) {
            throw Failures.initializerFailed(method.getDeclaringClass().getName(), e);
        }
    }

    /** The signature as the learner would write it, for messages. */
    public String signature() {
        return signature;
    }
}
