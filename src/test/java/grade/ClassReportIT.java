package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.batch.BatchRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class report of a real batch, made by the packaged jar and opened in headless Chromium:
 * 30 day03 submissions of every kind (bench/MakeSubmissions.java: reference solutions,
 * known-wrong ones, ones that do not compile, hang, exit, kill their test JVM, miss a file or
 * are broken zips) plus one that names and prints markup, graded on day03/offsets.
 */
@DisabledOnOs(OS.WINDOWS)
class ClassReportIT {
    private static final String TAKEOVER = "document.title='taken over'";

    @TempDir
    Path work;

    private final Path home = Path.of(System.getProperty("grade.home"));
    private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private String grade(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin, "-Dgrade.home=" + home, "-jar", System.getProperty("grade.jar")));
        command.addAll(List.of(args));
        return Fixtures.runLogged(work, Duration.ofMinutes(15), Map.of(), command);
    }

    @Test
    void theReportOfAMixedClassShowsEveryLearnerTestAndChartInABrowser() throws Exception {
        Path subs = work.resolve("class");
        String made = Fixtures.runLogged(work, Duration.ofMinutes(2), Map.of(),
                List.of(javaBin, home.resolve("bench/MakeSubmissions.java").toString(), home.toString(), subs.toString(), "30"));
        assertTrue(made.startsWith("0\n"), made);
        String hostile = "<img src=x onerror=\"" + TAKEOVER + "\">";
        String reference = Files.readString(home.resolve("solutions/day03/offsets/day03/Offsets.java"));
        String printsMarkup = reference.replace("return new String(bytes, StandardCharsets.UTF_8);",
                "String markup = \"<script>" + TAKEOVER + "</script>\";\n            System.out.println(markup);\n            return markup;");
        assertFalse(printsMarkup.equals(reference), "the reference Offsets.java changed shape");
        Fixtures.write(subs.resolve(hostile).resolve("day03/Offsets.java"), printsMarkup);

        String out = grade("batch", subs.toString(), "day03/offsets", "--jobs", "2", "--report", "--no-color");
        assertTrue(out.startsWith("0\n") && out.contains("Report:    " + subs.resolve("report.html")), out);
        BatchRun run = BatchRun.read(subs.resolve("batch.json")).orElseThrow();
        assertNotNull(run.started());
        assertTrue(run.seconds() > 0 && run.grader().startsWith("grade ") && run.testsFingerprint().matches("[0-9a-f]{64}"), run.toString());
        assertEquals(List.of("day03/offsets"), run.exercises());
        assertEquals(31, run.submissions().size());

        Path html = subs.resolve("report.html");
        Assumptions.assumeTrue(Chromium.wanted(), "no Chromium on this machine (CI installs it)");
        Chromium.Page page = Chromium.open(html.toUri(), work, 1280, 2200);
        assertEquals(List.of(), page.scriptErrors());
        byte[] png = Files.readAllBytes(page.screenshot());
        assertTrue(png.length > 20_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a screenshot of " + png.length + " bytes");
        Files.copy(page.screenshot(), Path.of(System.getProperty("grade.jar")).resolveSibling("class-report.png"), StandardCopyOption.REPLACE_EXISTING);
        Document dom = Jsoup.parse(page.dom());

        assertEquals(run.submissions(), dom.select("details.learner").eachAttr("data-learner"), "every learner has a row, in the gradebook's order");
        List<String> tests = dom.select("#tests tr[data-test]").eachAttr("data-test");
        for (String test : testsOf(subs.resolve("results/01-correct.json"))) {
            assertTrue(tests.contains("day03/offsets › " + test), "the test \"" + test + "\", which the submission that does not compile fails, is in " + tests);
        }
        assertEquals(List.of("total", "day03/offsets"), dom.select("figure.chart").eachAttr("data-chart"));
        for (Element chart : dom.select("figure.chart")) {
            assertTrue(chart.select("svg rect").size() > 10 && chart.select("svg text").eachText().contains("learners"), chart.outerHtml());
        }
        List<String> broken = dom.select("#not-graded tr[data-not-graded]").eachAttr("data-not-graded");
        assertTrue(broken.size() == 1 && broken.get(0).endsWith("-corrupt"), broken.toString());
        assertTrue(dom.selectFirst("#not-graded tr[data-not-graded] td:nth-child(2)").text().startsWith("it is not a readable zip"));

        assertEquals("Class report: class", dom.title(), "no learner's script ran");
        assertEquals(1, dom.select("script").size());
        Element row = dom.select("details.learner").stream().filter(d -> d.attr("data-learner").equals(hostile)).findFirst().orElseThrow();
        assertEquals(hostile, row.selectFirst(".name").text());
        assertTrue(row.select(".failures pre.out").eachText().contains("<script>" + TAKEOVER + "</script>"), row.outerHtml());

        String zh = grade("report", subs.toString(), "--lang", "zh");
        assertTrue(zh.startsWith("0\n"), zh);
        Chromium.Page chinese = Chromium.open(html.toUri(), work, 1280, 900);
        assertEquals(List.of(), chinese.scriptErrors());
        Document zhDom = Jsoup.parse(chinese.dom());
        assertEquals("zh-CN", zhDom.selectFirst("html").attr("lang"));
        assertEquals("全班最常失败的测试", zhDom.selectFirst("#tests h2").text());
        assertEquals(run.submissions(), zhDom.select("details.learner").eachAttr("data-learner"));
    }

    private static List<String> testsOf(Path result) throws Exception {
        var json = com.google.gson.JsonParser.parseString(Files.readString(result, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> names = new ArrayList<>();
        json.getAsJsonArray("exercises").get(0).getAsJsonObject().getAsJsonArray("tests")
                .forEach(t -> names.add(t.getAsJsonObject().get("name").getAsString()));
        assertEquals(10, names.size(), result.toString());
        return names;
    }

    @Test
    void aGradeLoadsNothingOfTheReport() throws Exception {
        Path log = work.resolve("classes.txt");
        String out = Fixtures.runLogged(work, Duration.ofMinutes(5), Map.of(), List.of(javaBin, "-Xlog:class+load=info:file=" + log,
                "-Dgrade.home=" + home, "-jar", System.getProperty("grade.jar"), "day03", "offsets", "--solutions", "--no-color"));
        assertTrue(out.startsWith("0\n"), out);
        String loaded = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(loaded.contains("grade.engine.Grading"), "the log lists the classes a grade loads");
        for (String name : new String[] {"org.jfree.", "org.jsoup.", "grade.classreport."}) {
            assertFalse(loaded.contains(" " + name), name + " was loaded by a grade");
        }
    }
}
