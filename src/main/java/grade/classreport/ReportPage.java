package grade.classreport;

import grade.batch.BatchRun;
import grade.kit.Text;
import grade.report.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The class report as one self-contained HTML page: its style, charts and the little script
 * that sorts and filters are inline, so it opens from a file in any browser with no network.
 * Built with jsoup, whose {@code text} and {@code attr} escape what they are given: a learner's
 * file name or output is shown as text, never read as markup. Only the page's own style,
 * script and charts go in as they are.
 */
final class ReportPage {
    /** Longest failure message shown in a test's row. */
    private static final int MESSAGE_SHOWN = 300;

    private final ClassResults results;
    private final ReportWords words;
    private final Document doc = Document.createShell("");

    private ReportPage(ClassResults results, ReportWords words) {
        this.results = results;
        this.words = words;
    }

    static String html(ClassResults results, ReportWords words, String grader) {
        return new ReportPage(results, words).build(grader);
    }

    private String build(String grader) {
        doc.outputSettings().prettyPrint(false);
        doc.prependChild(new DocumentType("html", "", ""));
        doc.child(0).attr("lang", words.htmlLang());
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(Text.line(words.title(results.name())));
        head.appendElement("style").appendChild(new DataNode(resource("report.css")));
        Element body = doc.body();
        header(body.appendElement("header"));
        Element main = body.appendElement("main");
        summary(main);
        scores(main.appendElement("section").id("scores"));
        tests(main.appendElement("section").id("tests"));
        LearnerRows rows = new LearnerRows(results, words);
        rows.learners(main.appendElement("section").id("learners"));
        rows.notGraded(main.appendElement("section").id("not-graded"));
        body.appendElement("footer").text(words.madeBy(grader));
        body.appendElement("script").appendChild(new DataNode(resource("report.js")));
        return doc.outerHtml() + "\n";
    }

    /** The page's own style or script, kept beside this class. */
    private static String resource(String name) {
        try (java.io.InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the grader's jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void header(Element header) {
        header.appendElement("h1").text(Text.line(words.title(results.name())));
        Element meta = header.appendElement("p").addClass("meta");
        BatchRun run = results.run().filter(r -> r.started() != null).orElse(null);
        if (run == null) {
            meta.text(words.notRecorded());
        } else {
            meta.appendText(words.ran(run.started(), run.seconds(), run.grader()) + " · " + words.testsFingerprint() + " ");
            String fp = run.testsFingerprint();
            meta.appendElement("code").attr("title", fp).text(fp.substring(0, Math.min(12, fp.length())));
        }
        Element nav = header.appendElement("nav");
        link(nav, "#scores", words.scores());
        link(nav, "#tests", words.testsFailedMost());
        link(nav, "#learners", words.learners());
        link(nav, "#not-graded", words.notGradedTitle());
    }

    private static void link(Element nav, String href, String text) {
        nav.appendElement("a").attr("href", href).text(text);
    }

    private void summary(Element main) {
        List<Learner> graded = results.graded();
        Distribution total = total();
        long below = graded.stream().filter(results::belowHalf).count();
        Element dl = main.appendElement("dl").addClass("figures");
        figure(dl, String.valueOf(results.learners().size()), words.submissions(), null);
        figure(dl, String.valueOf(graded.size()), words.graded(), null);
        figure(dl, String.valueOf(results.learners().size() - graded.size()), words.couldNotBeGraded(), "#not-graded");
        figure(dl, Scoring.show(total.mean()), words.meanOutOf(Scoring.show(total.max())), null);
        figure(dl, Scoring.show(total.median()), words.median(), null);
        figure(dl, String.valueOf(total.full()), words.fullMarks(), null);
        figure(dl, String.valueOf(total.zero()), words.atZero(), null);
        figure(dl, String.valueOf(below), words.belowHalf(), "?below=1#learners");
    }

    private static void figure(Element dl, String value, String label, String href) {
        Element div = dl.appendElement("div");
        Element dd = div.appendElement("dd");
        (href == null ? dd : dd.appendElement("a").attr("href", href)).text(value);
        div.appendElement("dt").text(label);
    }

    private Distribution total() {
        return Distribution.of(results.graded().stream().map(results::total).toList(), results.maxTotal());
    }

    private Distribution of(String exercise) {
        return Distribution.of(results.graded().stream().map(l -> l.exercise(exercise).map(Learner.Exercise::score).orElse(0.0)).toList(),
                results.maxScore(exercise));
    }

    private void scores(Element section) {
        section.appendElement("h2").text(words.scores());
        Element table = section.appendElement("table").addClass("stats");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : new String[] {words.exercise(), words.points(), words.mean(), words.median(), words.fullMarks(), words.atZero()}) {
            head.appendElement("th").text(h);
        }
        Element body = table.appendElement("tbody");
        Element charts = section.appendElement("div").addClass("charts");
        List<String> keys = new ArrayList<>(List.of("total"));
        keys.addAll(results.exercises());
        for (int i = 0; i < keys.size(); i++) {
            boolean whole = i == 0;
            String name = whole ? words.wholeBatch() : keys.get(i);
            Distribution d = whole ? total() : of(keys.get(i));
            Element tr = body.appendElement("tr");
            tr.appendElement("th").text(name);
            for (String v : new String[] {Scoring.show(d.max()), Scoring.show(d.mean()), Scoring.show(d.median()),
                String.valueOf(d.full()), String.valueOf(d.zero())}) {
                tr.appendElement("td").text(v);
            }
            Element figure = charts.appendElement("figure").addClass("chart").attr("data-chart", keys.get(i));
            figure.appendElement("figcaption").text(words.chartOf(name));
            figure.appendChild(new DataNode(Charts.histogram(d, words, "chart" + i)));
        }
    }

    private void tests(Element section) {
        section.appendElement("h2").text(words.testsFailedMost());
        List<TestFailures.Failed> failed = TestFailures.of(results);
        if (failed.isEmpty()) {
            section.appendElement("p").text(words.noFailure());
            return;
        }
        section.appendElement("p").addClass("hint").text(words.blanked());
        Element table = section.appendElement("table").addClass("tests");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : new String[] {words.test(), words.failing(), words.messages()}) {
            head.appendElement("th").text(h);
        }
        Element body = table.appendElement("tbody");
        for (TestFailures.Failed f : failed) {
            Element tr = body.appendElement("tr").attr("data-test", f.exercise() + " › " + f.test().name());
            Element name = tr.appendElement("td").addClass("test");
            name.appendElement("span").addClass("exercise").text(f.exercise());
            name.appendElement("span").text(Text.line(f.test().name()));
            if (f.test().hidden()) {
                name.appendText(" ").appendElement("span").addClass("badge").text(words.hidden(f.test().until()));
            }
            Element share = tr.appendElement("td").addClass("share");
            String percent = String.format(Locale.ROOT, "%.0f%%", 100 * f.share());
            share.appendElement("span").addClass("bar").appendElement("span").attr("style", "width:" + percent);
            share.appendElement("span").addClass("pct").text(percent);
            share.appendText(" ");
            share.appendElement("span").addClass("of").text(words.ofGraded(f.failing(), f.graded()));
            Element list = tr.appendElement("td").appendElement("ul").addClass("messages");
            for (TestFailures.Message m : f.messages()) {
                Element li = list.appendElement("li");
                li.appendElement("span").addClass("count").text(String.valueOf(m.learners()));
                li.appendElement("code").text(Text.line(Text.cut(m.text(), MESSAGE_SHOWN)));
            }
            if (f.others() > 0) {
                list.appendElement("li").addClass("others").text(words.otherMessages(f.others()));
            }
        }
    }
}
