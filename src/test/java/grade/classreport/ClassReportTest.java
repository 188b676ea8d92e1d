package grade.classreport;

import static grade.classreport.ClassFixture.exercise;
import static grade.classreport.ClassFixture.fail;
import static grade.classreport.ClassFixture.pass;
import static grade.classreport.ClassFixture.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.course.Lang;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class report read back as HTML: what it counts, what it groups, what it escapes. */
class ClassReportTest {
    @TempDir
    Path dir;

    private static final String SUM = "day90/sum";
    private static final String HELLO = "day90/hello";

    /** Four learners: one passes everything, two fail "adds" alike, one does not compile sum. */
    private ClassFixture fourLearners() throws Exception {
        return new ClassFixture(dir)
                .learner("alice", true, "", exercise(SUM, "pass", "", 10, pass("adds"), pass("negatives")),
                        exercise(HELLO, "pass", "", 10, pass("greets")))
                .learner("bob", true, "", exercise(SUM, "fail", "1 of 2 tests failed", 5,
                                fail("adds", "connect to 127.0.0.1:41234 refused (pid 812)"), pass("negatives")),
                        exercise(HELLO, "pass", "", 10, pass("greets")))
                .learner("carol", true, "", exercise(SUM, "fail", "1 of 2 tests failed", 5,
                                fail("adds", "connect to 127.0.0.1:39001 refused (pid 77)"), pass("negatives")),
                        exercise(HELLO, "fail", "", 0, fail("greets", "expected \"hello ann\" in /tmp/junit4411/out.txt")))
                .learner("dave", true, "day90/sum did not compile",
                        exercise(SUM, "error", "did not compile:\nday90/Sum.java:3:9: error: ';' expected", 0),
                        exercise(HELLO, "pass", "", 10, pass("greets")))
                .learner("erin", false, "it is not a readable zip (zip END header not found)",
                        exercise(SUM, "error", "it is not a readable zip", 0), exercise(HELLO, "error", "it is not a readable zip", 0))
                .record(SUM, HELLO);
    }

    private Document report(Lang lang) throws Exception {
        return Jsoup.parse(ClassReport.html(new ClassFixture(dir).files, lang, "grade test"));
    }

    @Test
    void numbersPortsPathsAndPidsAreBlankedSoAlikeMessagesGroup() {
        assertEquals("connect to #:# refused (pid #)", TestFailures.blank("connect to 127.0.0.1:41234 refused (pid 812)"));
        assertEquals("expected \"hello ann\" in ‹path›", TestFailures.blank("expected \"hello ann\" in /tmp/junit4411/out.txt"));
        assertEquals("day03/Offsets.java:# size # of # bytes, took # s", TestFailures.blank("day03/Offsets.java:37 size 1.5 of 0x1F bytes, took 10 s"));
    }

    @Test
    void scoresAreSpreadIntoTenRangesWithMeanMedianFullMarksAndZeros() {
        Distribution d = Distribution.of(List.of(0.0, 5.0, 10.0, 10.0, 7.5), 10);
        assertEquals(6.5, d.mean());
        assertEquals(7.5, d.median());
        assertEquals(2, d.full());
        assertEquals(1, d.zero());
        assertEquals("[1, 0, 0, 0, 0, 1, 0, 1, 0, 2]", java.util.Arrays.toString(d.bins()));
        assertEquals(0, Distribution.of(List.of(), 10).count());
    }

    @Test
    void theTestsTheClassFailsMostComeFirstWithTheirMessagesGrouped() throws Exception {
        fourLearners();
        List<TestFailures.Failed> failed = TestFailures.of(ClassResults.read(new ClassFixture(dir).files, new ReportWords(Lang.EN)));
        assertEquals(List.of("adds", "negatives", "greets"), failed.stream().map(f -> f.test().name()).toList());
        TestFailures.Failed adds = failed.get(0);
        assertEquals(3, adds.failing());
        assertEquals(4, adds.graded(), "the submission that could not be graded is not counted");
        assertEquals(List.of(new TestFailures.Message("connect to #:# refused (pid #)", 2), new TestFailures.Message("did not compile", 1)),
                adds.messages());

        Document page = report(Lang.EN);
        assertEquals(List.of("day90/sum › adds", "day90/sum › negatives", "day90/hello › greets"),
                page.select("#tests tr[data-test]").eachAttr("data-test"));
        assertEquals("75% 3 of 4", page.selectFirst("#tests tr[data-test] .share").text());
    }

    @Test
    void everyLearnerHasARowWithTheirFailuresAndWhatCouldNotBeGradedSaysWhy() throws Exception {
        fourLearners();
        Document page = report(Lang.EN);
        assertEquals(List.of("alice", "bob", "carol", "dave", "erin"), page.select("details.learner").eachAttr("data-learner"));
        Element carol = page.selectFirst("details[data-learner=carol]");
        assertEquals(List.of("carol", "5", "0", "5"), carol.select("summary > span").stream().limit(4).map(Element::text).toList());
        assertTrue(carol.select(".failures pre.msg").text().contains("connect to 127.0.0.1:39001 refused (pid 77)"), carol.html());
        assertTrue(carol.hasAttr("data-low"), "5 of 20 is below half marks");
        assertFalse(page.selectFirst("details[data-learner=erin]").hasAttr("data-low"), "one that could not be graded is not stuck, it is listed apart");
        assertEquals("it is not a readable zip (zip END header not found)",
                page.selectFirst("#not-graded tr[data-not-graded=erin] td:nth-child(2)").text());
        assertTrue(page.select("#not-graded").text().contains("dave day90/sum did not compile"), page.select("#not-graded").text());
        assertEquals(List.of("total", SUM, HELLO), page.select("figure.chart").eachAttr("data-chart"));
        for (Element chart : page.select("figure.chart")) {
            assertFalse(chart.select("svg rect").isEmpty(), chart.outerHtml());
        }
        assertTrue(page.selectFirst("header .meta").text().contains("2026-12-04 09:30 UTC+08:00 in 1 min 15 s by grade 0.1.0 · Java 17"),
                page.selectFirst("header .meta").text());
    }

    @Test
    void hiddenTestsAreShownInFullToTheInstructor() throws Exception {
        new ClassFixture(dir).learner("ann", true, "", exercise(SUM, "fail", "", 0,
                test("adds very large numbers", "fail", "expected 4000000000 but was -294967296", "SECRET-PRINT", "hidden")));
        Document page = report(Lang.EN);
        Element row = page.selectFirst("details[data-learner=ann]");
        assertEquals("adds very large numbers hidden", row.selectFirst(".failures li").text());
        assertTrue(row.text().contains("expected 4000000000 but was -294967296") && row.text().contains("SECRET-PRINT"), row.text());
    }

    @Test
    void whatALearnerControlsIsShownAsTextNeverAsMarkup() throws Exception {
        String name = "<img src=x onerror=alert(1)>";
        String message = "expected \"ok\" but was \"<script>alert(2)</script>\"";
        String output = "</pre><script>alert(3)</script>\u001b[31m";
        new ClassFixture(dir).learner(name, true, "\"><b>bold</b>", exercise(SUM, "fail", "", 0,
                test("<i>adds</i>", "fail", message, output, "visible"))).record(SUM);
        String html = ClassReport.html(new ClassFixture(dir).files, Lang.EN, "grade test");
        assertFalse(html.contains("<script>alert") || html.contains("<img") || html.contains("<b>bold") || html.contains("<i>adds"), html);
        Document page = Jsoup.parse(html);
        assertEquals(1, page.select("script").size(), "only the page's own script");
        assertTrue(page.select("img, b, i").isEmpty());
        assertEquals(name, page.selectFirst("details.learner").attr("data-learner"));
        Element row = page.selectFirst("details.learner");
        assertTrue(row.text().contains(message) && row.text().contains("</pre><script>alert(3)</script>\\u001b[31m"), row.text());
    }

    @Test
    void resultsAreReadFieldByFieldAndADamagedOneIsSaidToBe() throws Exception {
        new ClassFixture(dir)
                .raw("old", "{\"exercises\": [{\"id\": \"day90/sum\", \"score\": 10, \"max_score\": 10, \"tests\": [{\"name\": \"adds\", \"status\": \"pass\"}]}],"
                        + " \"a_field_of_a_later_grader\": {\"x\": [1, 2]}}")
                .raw("torn", "{\"exercises\": [{\"id\": ");
        Document page = report(Lang.EN);
        assertEquals(List.of("old", "torn"), page.select("details.learner").eachAttr("data-learner"));
        assertEquals("10", page.selectFirst("details[data-learner=old] .total").text());
        assertTrue(page.selectFirst("#not-graded tr[data-not-graded=torn]").text().startsWith("torn its result file could not be read (results/torn.json"),
                page.selectFirst("#not-graded").text());
        assertTrue(page.selectFirst("header .meta").text().contains("not recorded"));
    }

    @Test
    void inChineseThePageSaysSoAndUsesTheCoursesWords() throws Exception {
        fourLearners();
        Document page = report(Lang.ZH);
        assertEquals("zh-CN", page.selectFirst("html").attr("lang"));
        assertEquals("全班最常失败的测试", page.selectFirst("#tests h2").text());
        assertEquals("4 人中 3 人", page.selectFirst("#tests tr[data-test] .of").text());
        assertTrue(page.selectFirst("figure.chart svg").text().contains("学员人数"));
    }
}
