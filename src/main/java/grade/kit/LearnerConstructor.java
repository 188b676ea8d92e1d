package grade.kit;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** A learner's public constructor. */
public final class LearnerConstructor {
    private final Constructor<?> constructor;
    private final String signature;

    LearnerConstructor(Constructor<?> constructor, String signature) {
        this.constructor = constructor;
        this.signature = signature;
    }

    /**
     * Makes a new object; what the learner's constructor throws is rethrown unwrapped.
     * <pre>{@code Object s = student.create(7, "张三", 88.5f);}</pre>
     */
    public Object create(Object... args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw Failures.rethrow(e);
        } catch (IllegalAccessException | InstantiationException e) {
            throw Expect.fail(Say.pick("`" + signature + "` must be public, in a public, non-abstract class",
                    "`" + signature + "` 必须是 public 的，并且写在一个 public、非 abstract 的类里"));
        } catch (ExceptionInInitializerError e) {
            throw Failures.initializerFailed(constructor.getDeclaringClass().getName(), e);
        }
    }

    /** The signature as the learner would write it, for messages. */
    public String signature() {
        return signature;
    }
}
