package grade.kit;

import java.lang.reflect.InvocationTargetException;

/** Turns what happened inside learner code into something a test can rethrow. */
final class Failures {
    private Failures() {
    }

    /** {@code className} null: the class under test, whichever it is. */
    static AssertionError initializerFailed(String className, Throwable e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String subject = className == null ? "under test" : className;
        String subjectZh = className == null ? "被测试的类" : "类 " + className + " ";
        if (cause.getClass().getName().equals("grade.testjvm.ExitTrap$ExitAttempt")) {
            return Expect.fail(Say.pick("the class " + subject + " could not be initialised: its static fields or static block called "
                    + cause.getMessage() + " (or Runtime.halt). Ending the JVM is not allowed here.",
                    subjectZh + "无法初始化：它的静态字段或静态代码块调用了 " + cause.getMessage()
                    + "（或 Runtime.halt）。这里不允许结束 JVM。"));
        }
        return Expect.fail(Say.pick("the class " + subject
                + " could not be initialised: its static fields or static block threw " + cause.getClass().getName(),
                subjectZh + "无法初始化：它的静态字段或静态代码块抛出了 " + cause.getClass().getName()));
    }

    /**
     * Rethrows what a learner method threw, unwrapped, so that {@code assertThrows} sees the
     * learner's own exception type.
     */
    /**
     * Calls a learner's public method on {@code target} (null for a static one): what the
     * learner's code throws is rethrown unwrapped, and a method that cannot be called is a failure
     * that names its {@code signature}.
     */
    @SuppressWarnings("unchecked")
    static <T> T invoke(java.lang.reflect.Method method, String signature, Object target, Object... args) {
        try {
            return (T) method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (IllegalAccessException e) {
            throw Expect.fail(Say.pick("`" + signature + "` must be public, in a public class",
                    "`" + signature + "` 必须是 public 的，并且写在一个 public 类里"));
        } catch (ExceptionInInitializerError e) {
            throw initializerFailed(method.getDeclaringClass().getName(), e);
        }
    }

    static RuntimeException rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ExceptionInInitializerError init) {
            throw initializerFailed(null, init);
        }
        if (overridesReporting(cause.getClass()) && !reportsItself(cause)) {
            throw Expect.fail(Say.pick("your code threw " + cause.getClass().getName() + ", an exception whose toString, getMessage"
                    + " or getStackTrace loops or throws, so it cannot be reported. An exception class of yours must"
                    + " describe itself: pass the message to super(...) instead of overriding these methods",
                    "你的代码抛出了 " + cause.getClass().getName() + "，这个异常的 toString、getMessage 或 getStackTrace"
                    + " 会死循环或抛出异常，所以没法报告它。你自己的异常类要能描述自己：把消息交给 super(...)，不要覆盖这些方法"));
        }
        Failures.<RuntimeException>sneaky(cause);
        return new IllegalStateException("unreachable");
    }

    private static final java.util.Set<String> REPORTING = java.util.Set.of("toString", "getMessage",
            "getLocalizedMessage", "getStackTrace", "getCause", "fillInStackTrace");

    /** Whether a class between this throwable's class and Throwable, outside the JDK, overrides how it reports itself. */
    static boolean overridesReporting(Class<?> type) {
        for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
            String name = c.getName();
            if (c.getModule().isNamed() || name.startsWith("org.opentest4j.") || name.startsWith("org.junit.") || name.startsWith("grade.")) {
                continue;
            }
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (REPORTING.contains(m.getName()) && m.getParameterCount() == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the throwable's own report (toString, getMessage, getStackTrace, getCause) comes
     * back within 2 s without throwing: read on another thread, since it may loop.
     */
    static boolean reportsItself(Throwable t) {
        java.util.concurrent.CompletableFuture<Boolean> ok = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                t.toString();
                t.getMessage();
                t.getStackTrace();
                t.getCause();
                ok.complete(true);
            } catch (Throwable e) {
                ok.complete(false);
            }
        }, "reading a learner exception");
        reader.setDaemon(true);
        reader.start();
        try {
            return ok.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
