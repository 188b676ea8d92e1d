package grade.testjvm;

import static grade.kit.Say.pick;

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

    /** Why a test was not run after an earlier test of its exercise failed (verify's fail-fast). */
    static String notRunAfterFailure() {
        return pick("not run: an earlier test of this exercise failed", "没有运行：这个练习前面的一个测试没有通过");
    }

    /** Why a test was not run after learner code hung in {@code test}. */
    static String notRunAfterHang(String test, java.time.Duration allowance) {
        return pick("not run: your code hung in the test \"" + test + "\", and the tests after it had "
                + allowance.toSeconds() + " s in all. Fix that test first.",
                "没有运行：你的代码在测试“" + test + "”里卡住了，之后的测试一共只有 " + allowance.toSeconds() + " 秒。请先修好那个测试。");
    }

    static Verdict failure(Throwable t, Set<String> learnerClasses) {
        if (t instanceof ExitTrap.ExitAttempt exit) {
            return new Verdict("fail", pick("your code called System.exit(" + exit.status + ") (or Runtime.halt)."
                    + " A method must return a value or throw an exception; ending the JVM is not allowed here.",
                    "你的代码调用了 System.exit(" + exit.status + ")（或 Runtime.halt）。方法应当返回结果或抛出异常，这里不允许结束 JVM。")
                    + frames(t, learnerClasses));
        }
        if (t instanceof Budget.OutOfTime out) {
            long s = out.budget.toSeconds();
            return new Verdict("fail", pick("the test did not finish within " + s + " s and was stopped:"
                    + " your code may be stuck in a loop, or waiting for input or a connection that never comes."
                    + (out.shortened ? " (Your code had hung in an earlier test, so each later test gets " + s + " s.)" : ""),
                    "测试在 " + s + " 秒内没有结束，已被停止：你的代码可能陷入了死循环，或在等待永远不会到来的输入或连接。"
                    + (out.shortened ? "（你的代码在前面的测试里卡住了，所以之后每个测试只有 " + s + " 秒。）" : "")));
        }
        if (t instanceof AssertionError) {
            return new Verdict("fail", safeMessage(t));
        }
        String type = t.getClass().getName();
        String message = safeMessage(t);
        if (t instanceof UnsupportedOperationException && message.startsWith("TODO")) {
            return new Verdict("fail", pick("not written yet: your code still says \"", "还没写：你的代码里还是 \"") + message + "\""
                    + frames(t, learnerClasses));
        }
        if (t instanceof StackOverflowError) {
            return new Verdict("fail", pick("your code overflowed the stack (endless recursion?)", "你的代码栈溢出了（无限递归？）")
                    + frames(t, learnerClasses));
        }
        if (t instanceof OutOfMemoryError && message.contains("native thread")) {
            return new Verdict("fail", pick("your code started so many threads that the JVM could not start another"
                    + " (threads and memory are limited per process)", "你的代码启动了太多线程，JVM 无法再创建新线程（每个进程的线程和内存都有上限）")
                    + frames(t, learnerClasses));
        }
        if (t instanceof OutOfMemoryError) {
            return new Verdict("fail", pick("your code ran out of memory (", "你的代码耗尽了内存（") + message + pick(")", "）")
                    + frames(t, learnerClasses));
        }
        String text = pick("your code threw ", "你的代码抛出了 ") + type + (message.isEmpty() ? "" : ": " + message);
        if (message.contains("File too large")) {
            long limit = Long.getLong(grade.kit.RunProperties.FILE_BYTES, 0);
            text += pick(" — a file your code wrote grew beyond " + limit + " bytes (the limit per file)",
                    " —— 你的代码写的一个文件超过了 " + limit + " 字节（每个文件的上限）");
        }
        return new Verdict("fail", text + frames(t, learnerClasses));
    }

    /** getMessage, read safely: on another thread, with a deadline, cut to a sane length. */
    static String safeMessage(Throwable t) {
        String m;
        try {
            m = readSafely(() -> {
                String got = t.getMessage();
                return got == null ? "" : new String(got.toCharArray());
            }, "getMessage");
        } catch (IllegalStateException why) {
            return why.getMessage();
        }
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "… [" + (m.length() - MAX_MESSAGE) + " more characters]" : m;
    }

    /**
     * Calls a method of a learner-made throwable on another thread with a deadline, since it may
     * loop or throw; returns what it returned, or words saying why it could not be read.
     */
    private static <T> T readSafely(java.util.concurrent.Callable<T> read, String method) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                f.complete(read.call());
            } catch (Throwable e) {
                f.complete(new IllegalStateException(pick("(the exception's message could not be read: its " + method + " threw "
                        + e.getClass().getName() + ")", "（无法读取异常的信息：它的 " + method + " 抛出了 " + e.getClass().getName() + "）")));
            }
        }, "reading " + method);
        reader.setDaemon(true);
        reader.start();
        Object got;
        try {
            got = f.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            got = new IllegalStateException(pick("(the exception's message could not be read within 2 s: its " + method
                    + " never returned)", "（2 秒内无法读取异常的信息：它的 " + method + " 没有返回）"));
        }
        if (got instanceof IllegalStateException why) {
            throw why;
        }
        @SuppressWarnings("unchecked")
        T value = (T) got;
        return value;
    }

    private static String frames(Throwable t, Set<String> learnerClasses) {
        List<String> lines = new ArrayList<>();
        StackTraceElement[] trace;
        try {
            trace = readSafely(() -> t.getStackTrace().clone(), "getStackTrace");
        } catch (IllegalStateException e) {
            return "";
        }
        try {
            for (StackTraceElement e : trace) {
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
