package grade.kit;

import java.lang.reflect.InvocationTargetException;

/** Turns what happened inside learner code into something a test can rethrow. */
final class Failures {
    private Failures() {
    }

    /** {@code className} null: the class under test, whichever it is. */
    static AssertionError initializerFailed(String className, Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return Expect.fail(Say.pick("the class " + (className == null ? "under test" : className)
                + " could not be initialised: its static fields or static block threw " + cause.getClass().getName(),
                (className == null ? "被测试的类" : "类 " + className + " ") + "无法初始化：它的静态字段或静态代码块抛出了 "
                + cause.getClass().getName()));
    }

    /**
     * Rethrows what a learner method threw, unwrapped, so that {@code assertThrows} sees the
     * learner's own exception type.
     */
    static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ExceptionInInitializerError init) {
            throw initializerFailed(null, init);
        }
        Failures.<RuntimeException>sneaky(cause);
        return new IllegalStateException("unreachable");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
