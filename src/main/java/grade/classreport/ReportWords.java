package grade.classreport;

import grade.course.Lang;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The class report's own words, in English or Chinese. */
record ReportWords(Lang lang) {

    private String pick(String en, String zh) {
        return lang == Lang.ZH ? zh : en;
    }

    /** The page's language, for the lang attribute: it picks the fonts and the line breaking. */
    String htmlLang() {
        return pick("en", "zh-CN");
    }

    String title(String batch) {
        return pick("Class report: " + batch, "班级报告：" + batch);
    }

    String ran(OffsetDateTime started, double seconds, String grader) {
        String when = started.format(DateTimeFormatter.ofPattern(pick("yyyy-MM-dd HH:mm 'UTC'xxx", "yyyy年M月d日 HH:mm（'UTC'xxx）"), Locale.ROOT));
        return pick("Graded " + when + " in " + duration(seconds) + " by " + grader,
                "评分于 " + when + "，用时 " + duration(seconds) + "，评分程序 " + grader);
    }

    String notRecorded() {
        return pick("When and by which grader this batch ran is not recorded (it was graded before grade recorded its runs).",
                "这批提交的评分时间和评分程序没有记录（评分时 grade 还不记录这些）。");
    }

    String testsFingerprint() {
        return pick("fingerprint of the tests", "测试指纹");
    }

    private String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return pick(String.format(Locale.ROOT, "%.1f s", seconds), String.format(Locale.ROOT, "%.1f 秒", seconds));
        }
        return s < 3600 ? pick(s / 60 + " min " + s % 60 + " s", s / 60 + " 分 " + s % 60 + " 秒")
                : pick(s / 3600 + " h " + s % 3600 / 60 + " min", s / 3600 + " 小时 " + s % 3600 / 60 + " 分");
    }

    String submissions() {
        return pick("submissions", "份提交");
    }

    String graded() {
        return pick("graded", "已评分");
    }

    String couldNotBeGraded() {
        return pick("could not be graded", "无法评分");
    }

    String belowHalf() {
        return pick("below half marks", "不到一半分数");
    }

    String scores() {
        return pick("Scores", "得分");
    }

    String testsFailedMost() {
        return pick("Tests the class fails most", "全班最常失败的测试");
    }

    String learners() {
        return pick("Learners", "学员");
    }

    String notGradedTitle() {
        return pick("Could not be graded", "无法评分");
    }

    String wholeBatch() {
        return pick("whole batch", "整批");
    }

    String exercise() {
        return pick("exercise", "练习");
    }

    String test() {
        return pick("test", "测试");
    }

    String mean() {
        return pick("mean", "平均分");
    }

    String meanOutOf(String max) {
        return pick("mean, out of " + max, "平均分（满分 " + max + "）");
    }

    String median() {
        return pick("median", "中位数");
    }

    String fullMarks() {
        return pick("full marks", "满分");
    }

    String atZero() {
        return pick("at zero", "零分");
    }

    String points() {
        return pick("points", "分值");
    }

    String scoreAxis(String max) {
        return pick("score (out of " + max + ")", "得分（满分 " + max + "）");
    }

    String learnersAxis() {
        return pick("learners", "学员人数");
    }

    String chartOf(String what) {
        return pick("Scores: " + what, "得分分布：" + what);
    }

    String failing() {
        return pick("failing", "未通过");
    }

    String ofGraded(int n, int of) {
        return pick(n + " of " + of, of + " 人中 " + n + " 人");
    }

    String messages() {
        return pick("most common failures (learners)", "最常见的失败信息（人数）");
    }

    String blanked() {
        return pick("Numbers (ports, pids, sizes) are shown as # and paths as ‹path›, so that alike messages count together. A test that did not run for a learner (missing, did not compile, crashed) counts as failed, with that reason.",
                "数字（端口、进程号、大小）显示为 #，路径显示为 ‹path›，相同的信息合并计数。没能运行的测试（文件缺失、编译失败、崩溃）也算未通过，并写明原因。");
    }

    String otherMessages(int n) {
        return pick("and " + n + " other kinds of message", "另有 " + n + " 种信息");
    }

    String noFailure() {
        return pick("Every graded learner passed every test.", "所有已评分的学员都通过了全部测试。");
    }

    String hidden(String until) {
        return until.isEmpty() ? pick("hidden", "隐藏") : pick("hidden until " + until, "隐藏至 " + until);
    }

    String learner() {
        return pick("learner", "学员");
    }

    String total() {
        return pick("total", "总分");
    }

    String note() {
        return pick("note", "备注");
    }

    String filter() {
        return pick("Filter by name or note", "按名字或备注筛选");
    }

    String onlyBelowHalf() {
        return pick("only those below half marks", "只看不到一半分数的");
    }

    /** The words before and after the count of rows shown, which the script keeps up to date. */
    String shownBefore() {
        return pick("", "显示 ");
    }

    String shownAfter(int of) {
        return pick(" / " + of + " shown", " / " + of);
    }

    String sortHint() {
        return pick("Click a column's heading to sort by it.", "点击列标题可按该列排序。");
    }

    String failures(int n) {
        return pick(n == 1 ? "1 failure" : n + " failures", n + " 个失败");
    }

    String allPassed() {
        return pick("all passed", "全部通过");
    }

    String output() {
        return pick("its output", "程序输出");
    }

    String moreInResult(int n, String file) {
        return pick(n + " more failures are in " + file, "另有 " + n + " 个失败，见 " + file);
    }

    String notGradedNone() {
        return pick("Every submission could be graded.", "所有提交都已评分。");
    }

    String notGradedSubmissions() {
        return pick("Submissions that could not be graded at all", "完全无法评分的提交");
    }

    String notRunExercises() {
        return pick("Exercises that could not be run (they score nothing)", "无法运行的练习（不得分）");
    }

    String submission() {
        return pick("submission", "提交");
    }

    String reason() {
        return pick("reason", "原因");
    }

    String resultMissing(String file) {
        return pick("its result file is missing (" + file + ")", "缺少结果文件（" + file + "）");
    }

    String resultUnreadable(String file, String why) {
        return pick("its result file could not be read (" + file + ": " + why + ")", "结果文件无法读取（" + file + "：" + why + "）");
    }

    String madeBy(String grader) {
        return pick("Written by " + grader + " from the batch's results/ folder.", "由 " + grader + " 根据这批提交的 results/ 文件夹生成。");
    }
}
