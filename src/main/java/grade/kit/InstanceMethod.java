package grade.kit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** A learner's public instance method, called on an object the test made. */
public final class InstanceMethod {
    private final Method method;
    private final String signature;

    InstanceMethod(Method method, String signature) {
        this.method = method;
        this.signature = signature;
    }

    /**
     * Calls the method on {@code target}; what the learner's code throws is rethrown unwrapped.
     * <pre>{@code boolean alive = isAlive.call(worker);}</pre>
     */
    @SuppressWarnings("unchecked")
    public <T> T call(Object target, Object... args) {
        try {
            return (T) method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw Failures.rethrow(e);
        } catch (IllegalAccessException e) {
            throw Expect.fail(Say.pick("`" + signature + "` must be public, in a public class",
                    "`" + signature + "` 必须是 public 的，并且写在一个 public 类里"));
        }
    }

    /** The signature as the learner would write it, for messages. */
    public String signature() {
        return signature;
    }
}
