package grade.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a throwable from a test into plain words for the learner. Learner-made throwables are
 * not trusted: their getMessage or toString may loop or throw, so they are read on another thread
 * with a deadline.
 */
final class Describe {
    private static final int MAX_MESSAGE = 8000;

    private Describe() {
    }

    record Verdict(String status, String message) {
    }

    static Verdict failure(Throwable t, Set<String> learnerClasses, long timeoutSeconds) {
        if (t instanceof ExitGuard.ExitAttempt exit) {
            return new Verdict("fail", "your code called System.exit(" + exit.status + ") (or Runtime.halt)."
                    + " A method must return a value or throw an exception; ending the JVM is not allowed here."
                    + frames(t, learnerClasses));
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return new Verdict("fail", "the test did not finish within " + timeoutSeconds + " s and was stopped:"
                    + " your code may be stuck in a loop, or waiting for input or a connection that never comes.");
        }
        if (t instanceof AssertionError) {
            return new Verdict("fail", safeMessage(t));
        }
        String type = t.getClass().getName();
        String message = safeMessage(t);
        if (t instanceof UnsupportedOperationException && message.startsWith("TODO")) {
            return new Verdict("fail", "not written yet: your code still says \"" + message + "\"" + frames(t, learnerClasses));
        }
        if (t instanceof StackOverflowError) {
            return new Verdict("fail", "your code overflowed the stack (endless recursion?)" + frames(t, learnerClasses));
        }
        if (t instanceof OutOfMemoryError) {
            return new Verdict("fail", "your code ran out of memory (" + message + ")" + frames(t, learnerClasses));
        }
        String text = "your code threw " + type + (message.isEmpty() ? "" : ": " + message);
        return new Verdict("fail", text + frames(t, learnerClasses));
    }

    /** getMessage, read safely: on another thread, with a deadline, cut to a sane length. */
    static String safeMessage(Throwable t) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String m = t.getMessage();
                f.complete(m == null ? "" : new String(m.toCharArray()));
            } catch (Throwable e) {
                f.complete("(the exception's message could not be read: its getMessage threw " + e.getClass().getName() + ")");
            }
        }, "message reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String m = f.get(2, TimeUnit.SECONDS);
            return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "… [" + (m.length() - MAX_MESSAGE) + " more characters]" : m;
        } catch (Exception e) {
            return "(the exception's message could not be read within 2 s: its getMessage never returned)";
        }
    }

    private static String frames(Throwable t, Set<String> learnerClasses) {
        List<String> lines = new ArrayList<>();
        try {
            for (StackTraceElement e : t.getStackTrace()) {
                String cls = e.getClassName();
                String top = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
                if (learnerClasses.contains(top)) {
                    lines.add("    at " + cls + "." + e.getMethodName() + "(" + e.getFileName() + ":" + e.getLineNumber() + ")");
                    if (lines.size() == 6) {
                        break;
                    }
                }
            }
        } catch (RuntimeException e) {
            return "";
        }
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
    }
}
