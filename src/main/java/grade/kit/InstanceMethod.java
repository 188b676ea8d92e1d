package grade.kit;

import java.lang.reflect.Method;

/** A learner's public instance method, called on an object the test made. */
public final class InstanceMethod extends LearnerMethod {
    InstanceMethod(Method method, String signature) {
        super(method, signature);
    }

    /**
     * Calls the method on {@code target}; what the learner's code throws is rethrown unwrapped.
     * <pre>{@code boolean alive = isAlive.call(worker);}</pre>
     */
    public <T> T call(Object target, Object... args) {
        return Failures.invoke(method, signature(), target, args);
    }
}
