package grade.kit;

import java.lang.reflect.InvocationTargetException;

/** Turns what happened inside learner code into something a test can rethrow. */
final class Failures {
    private Failures() {
    }

    static AssertionError initializerFailed(String className, Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return Expect.fail("the class " + className + " could not be initialised: its static fields or static block threw "
                + cause.getClass().getName());
    }

    /**
     * Rethrows what a learner method threw, unwrapped, so that {@code assertThrows} sees the
     * learner's own exception type.
     */
    static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ExceptionInInitializerError init) {
            throw initializerFailed("under test", init);
        }
        Failures.<RuntimeException>sneaky(cause);
        return new IllegalStateException("unreachable");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
