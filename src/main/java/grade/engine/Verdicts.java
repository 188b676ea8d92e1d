package grade.engine;

import grade.course.Exercise;
import grade.course.Lang;
import grade.report.ExerciseResult;
import grade.hidden.HiddenTests.HiddenTest;
import grade.kit.Text;
import grade.protocol.Message;
import grade.report.Status;
import grade.report.TestResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each hidden test's result, from what the grader knows in its own JVM (the exercise's tests,
 * their names, weights and visibility) and what the test JVM signed. A test counts only through
 * its own signed result; one without a result earns nothing, and says why: the test JVM was ended
 * (by learner code, a limit or the deadline) before it could report.
 */
final class Verdicts {
    private final Lang lang;
    private final Limits limits;

    Verdicts(Lang lang, Limits limits) {
        this.lang = lang;
        this.limits = limits;
    }

    /**
     * The exercise's grade: each hidden test's result; when its test JVM was stopped before it
     * ended, how (hung, crashed, or stopped at a limit, which earns nothing).
     */
    ExerciseResult exercise(Exercise e, List<HiddenTest> plan, TestRun.Reported reported, long millis) {
        ExerciseResult result = ExerciseResult.of(e, of(plan, reported), millis);
        if (reported.cut().isEmpty()) {
            return result;
        }
        Ending ending = reported.cut().get();
        return switch (ending.kind()) {
            case LIMIT -> result.stopped("limit", first(ending, lastReported(plan, byTest(reported))));
            case DEADLINE -> result.stopped("hung", "");
            default -> result.stopped("crashed", "");
        };
    }

    List<TestResult> of(List<HiddenTest> plan, TestRun.Reported reported) {
        Map<String, Message.Result> byTest = byTest(reported);
        String lastReported = lastReported(plan, byTest);
        List<TestResult> out = new ArrayList<>();
        boolean first = true;
        for (HiddenTest t : plan) {
            Message.Result r = byTest.get(t.id());
            if (!t.mistake().isEmpty()) {
                out.add(result(t, Status.ERROR, t.mistake(), r == null ? "" : r.output(), r == null ? 0 : r.millis()));
            } else if (r != null) {
                out.add(result(t, status(r.status()), r.message(), r.output(), r.millis()));
            } else {
                String why = reported.cut().map(e -> first(e, lastReported)).orElse(pick(
                        "not reported: the test runner said nothing of this test", "没有结果：测试运行器没有报告这个测试"));
                out.add(result(t, Status.ERROR, first ? why : notReported(), "", 0));
                first = false;
            }
        }
        return out;
    }

    /** Each test's result by its id; of a test with several invocations, its worst one. */
    private static Map<String, Message.Result> byTest(TestRun.Reported reported) {
        Map<String, Message.Result> byTest = new HashMap<>();
        for (Message.Result r : reported.results()) {
            byTest.merge(r.test(), r, Verdicts::worse);
        }
        return byTest;
    }

    /** The name of the last visible test that reported, to say after which test the run ended. */
    private String lastReported(List<HiddenTest> plan, Map<String, Message.Result> byTest) {
        return plan.stream()
                .filter(t -> byTest.containsKey(t.id()) && t.visibility().kind() == grade.report.Visibility.Kind.VISIBLE)
                .reduce((a, b) -> b).map(t -> t.name(lang)).orElse("");
    }

    private static Message.Result worse(Message.Result a, Message.Result b) {
        return a.status().equals("pass") ? b : a;
    }

    private static Status status(String s) {
        return switch (s) {
            case "pass" -> Status.PASS;
            case "error" -> Status.ERROR;
            default -> Status.FAIL; // fail, and notrun: a test that did not run earns nothing
        };
    }

    private TestResult result(HiddenTest t, Status status, String message, String output, long millis) {
        return new TestResult(t.name(lang), status, message, output, millis, t.weight(), t.visibility());
    }

    /** Why the first test without a result has none: how the test JVM ended. */
    private String first(Ending e, String lastTest) {
        String after = lastTest.isEmpty() ? "" : pick(" (after the test \"" + lastTest + "\")", "（在测试“" + lastTest + "”之后）");
        String earnNothing = pick(" The tests it had not reported earn nothing.", "它还没报告的测试不得分。");
        return switch (e.kind()) {
            case LIMIT -> pick("stopped: ", "已停止：") + limits.words(e.limit(), lang) + after
                    + pick(". Every process of the run was ended.", "。本次运行的所有进程都已结束。") + earnNothing;
            case DEADLINE -> pick("the tests were stopped after the run's deadline of " + e.deadlineSeconds() + " s",
                    "测试在本次运行的时限 " + e.deadlineSeconds() + " 秒到了之后被停止") + after + pick(".", "。") + earnNothing
                    + pick(" Your code may have hung.", "你的代码可能卡住了。");
            case NEVER_CONNECTED -> pick("the test JVM did not start (" + exitStatus(e.exitStatus()) + ").",
                    "测试 JVM 没能启动（" + exitStatus(e.exitStatus()) + "）。") + printed(e.output());
            default -> pick("the test JVM was ended by your code before it could report (" + exitStatus(e.exitStatus()) + ")",
                    "测试 JVM 在报告结果之前被你的代码结束了（" + exitStatus(e.exitStatus()) + "）") + after
                    + pick("; the tests it had not reported earn nothing. Your code may have ended the JVM"
                            + " (Runtime.halt, a signal to its parent), used up its memory or hung it.",
                    "；它还没报告的测试不得分。你的代码可能结束了 JVM（Runtime.halt、向父进程发信号），耗尽了内存，或者让它卡住了。")
                    + printed(e.output());
        };
    }

    private String notReported() {
        return pick("not reported: the test JVM had ended before this test (see the first test without a result).",
                "没有结果：在这个测试之前测试 JVM 就已经结束了（见第一个没有结果的测试）。");
    }

    private String exitStatus(int status) {
        if (status == 128 + 9) {
            return pick("exit status " + status + ": it was killed", "退出状态 " + status + "：它被杀掉了");
        }
        return status < 0 ? pick("still running", "仍在运行") : pick("exit status " + status, "退出状态 " + status);
    }

    private String printed(String output) {
        return output.isBlank() ? "" : pick("\nThe test JVM printed:\n", "\n测试 JVM 输出了：\n")
                + Text.indent(Text.block(output, 2000), "  | ");
    }

    private String pick(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }
}
