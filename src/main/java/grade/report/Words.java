package grade.report;

import grade.course.Lang;

/** The grader's own words in the terminal, in English or Chinese. */
public record Words(Lang lang) {

    private String pick(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    public String summary(long passed, int exercises, String score, String time) {
        return pick(passed + " of " + exercises + " exercises passed · score " + score + " · " + time,
                exercises + " 个练习通过 " + passed + " 个 · 得分 " + score + " · " + time);
    }

    public String next(String files, String command) {
        return pick("Next: fix " + files + ", then run " + command, "下一步：修改 " + files + "，然后运行 " + command);
    }

    public String testsPassed(long passed, int of) {
        return pick(passed + "/" + of + " tests passed", "通过 " + passed + "/" + of + " 个测试");
    }

    public String couldNotRun() {
        return pick("could not be run", "无法运行");
    }

    public String runFailed() {
        return pick("the run failed", "运行出错");
    }

    public String yourCodePrinted() {
        return pick("your code printed:", "你的代码输出了：");
    }

    public String alsoFailing() {
        return pick("also failing:", "还有这些测试没通过：");
    }

    public String stuck(String hint, String show) {
        return pick("Stuck? " + hint + " shows a hint; " + show + " the statement.",
                "卡住了？" + hint + " 给出提示；" + show + " 查看题目。");
    }

    public String moreLines(int n) {
        return pick("[… " + n + " more lines]", "[… 还有 " + n + " 行]");
    }

    public String hiddenTest(int n) {
        return pick("hidden test " + n, "隐藏测试 " + n);
    }

    /** What a learner reads of a hidden test that did not pass, with the points it earned of its worth ("0/1.5"). */
    public String hiddenTestFailed(java.util.Optional<java.time.LocalDate> until, String points) {
        return until.map(d -> pick("This test is hidden until the end of " + d + ": until then only whether it passes and its points (" + points + ") are shown.",
                        "这个测试在 " + d + " 结束前是隐藏的：在那之前只显示它是否通过和它的得分（" + points + "）。"))
                .orElse(pick("This test is hidden: only whether it passes and its points (" + points + ") are shown.",
                        "这个测试是隐藏的：只显示它是否通过和它的得分（" + points + "）。"));
    }

    /** How to get a missing file's starter back. */
    public String missingStarter(String reset) {
        return pick(reset + " puts back its starter.", reset + " 可以放回它的初始代码。");
    }
}
