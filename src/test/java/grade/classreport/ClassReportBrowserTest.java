package grade.classreport;

import static grade.classreport.ClassFixture.exercise;
import static grade.classreport.ClassFixture.pass;
import static grade.classreport.ClassFixture.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.Chromium;
import grade.course.Lang;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class report in a real browser (headless Chromium): what a learner controls stays text, and the script sorts and filters. */
class ClassReportBrowserTest {
    @TempDir
    Path dir;

    private static final String SUM = "day90/sum";
    private static final String TAKEOVER = "document.title='taken over'";

    private Path report(ClassFixture batch) throws Exception {
        Path html = batch.files.report();
        Files.writeString(html, ClassReport.html(batch.files, Lang.EN, "grade test"), StandardCharsets.UTF_8);
        return html;
    }

    private Document open(Path html, String query) throws Exception {
        Assumptions.assumeTrue(Chromium.wanted(), "no Chromium on this machine (CI installs it)");
        Chromium.Page page = Chromium.open(URI.create(html.toUri() + query), dir, 1280, 900);
        assertEquals(List.of(), page.scriptErrors(), "the page raised script errors");
        return Jsoup.parse(page.dom());
    }

    @Test
    void aSubmissionNamedOrPrintingMarkupShowsItAsText() throws Exception {
        String name = "<img src=x onerror=\"" + TAKEOVER + "\">";
        String printed = "<script>" + TAKEOVER + "</script>";
        String message = "expected \"ok\" but was \"<svg onload=\"" + TAKEOVER + "\">\"";
        ClassFixture batch = new ClassFixture(dir)
                .learner(name, true, "", exercise(SUM, "fail", "", 0, test("adds", "fail", message, printed, "visible")))
                .learner("<script>" + TAKEOVER, false, "it is not a readable zip (<b>" + printed + "</b>)");
        batch.record(SUM);

        Document page = open(report(batch), "");
        assertEquals("Class report: " + dir.getFileName(), page.title(), "no script of a learner ran");
        assertEquals(1, page.select("script").size(), "the page's own script only");
        assertTrue(page.select("img, b").isEmpty() && page.select("svg[onload]").isEmpty(), "no element of a learner's making");
        assertEquals(List.of(name, "<script>" + TAKEOVER), page.select("details.learner").eachAttr("data-learner"));
        Element row = page.selectFirst("details.learner");
        assertEquals(name, row.selectFirst(".name").text());
        assertEquals(List.of(message, printed), row.select(".failures pre").eachText());
        assertEquals("it is not a readable zip (<b>" + printed + "</b>)", page.selectFirst("#not-graded td:nth-child(2)").text());
    }

    @Test
    void theAddressSortsAndFiltersTheLearners() throws Exception {
        ClassFixture batch = new ClassFixture(dir);
        double[] scores = {7, 2, 10, 4.5};
        String[] names = {"ann", "bo", "cy", "di"};
        for (int i = 0; i < names.length; i++) {
            batch.learner(names[i], true, "", exercise(SUM, scores[i] == 10 ? "pass" : "fail", "", scores[i], pass("adds")));
        }
        batch.record(SUM);
        Path html = report(batch);

        Document sorted = open(html, "?sort=-total");
        assertEquals(List.of("cy", "ann", "di", "bo"), sorted.select("details.learner").eachAttr("data-learner"));
        assertEquals("descending", sorted.selectFirst("button[data-key=total]").attr("aria-sort"));

        Document stuck = open(html, "?below=1&sort=name");
        assertEquals(List.of("bo", "di"), stuck.select("details.learner:not([hidden])").eachAttr("data-learner"));
        assertEquals("2", stuck.selectFirst("#learner-shown").text());
    }
}
