package grade.classreport;

import grade.kit.Text;
import grade.report.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * The learners' part of the report: one row per submission with its score in each exercise,
 * its failures one click away (hidden tests in full), and the submissions and exercises that
 * could not be graded, each with its reason.
 */
final class LearnerRows {
    /**
     * Characters of failure text that all learners' rows share, so that the page stays a few
     * megabytes for a class of a thousand; each row gets an equal part, and at least
     * {@link #LEAST_PER_LEARNER}. What does not fit is in the submission's result file.
     */
    static final int DETAILS_BUDGET = 2_000_000;
    static final int LEAST_PER_LEARNER = 1_500;
    private static final int MESSAGE_CUT = 1_500;
    private static final int OUTPUT_CUT = 800;

    private final ClassResults results;
    private final ReportWords words;
    private final int budget;

    LearnerRows(ClassResults results, ReportWords words) {
        this.results = results;
        this.words = words;
        this.budget = Math.max(LEAST_PER_LEARNER, DETAILS_BUDGET / Math.max(1, results.learners().size()));
    }

    void learners(Element section) {
        section.appendElement("h2").text(words.learners());
        Element controls = section.appendElement("div").addClass("controls");
        controls.appendElement("input").attr("type", "search").id("learner-filter")
                .attr("placeholder", words.filter()).attr("aria-label", words.filter());
        Element low = controls.appendElement("label");
        low.appendElement("input").attr("type", "checkbox").id("learner-low");
        low.appendText(" " + words.onlyBelowHalf());
        Element shown = controls.appendElement("span").addClass("shown").appendText(words.shownBefore());
        shown.appendElement("span").id("learner-shown").text(String.valueOf(results.learners().size()));
        shown.appendText(words.shownAfter(results.learners().size()));
        section.appendElement("p").addClass("hint").text(words.sortHint());

        Element table = section.appendElement("div").addClass("learners").attr("style", "--exercises:" + results.exercises().size());
        Element head = table.appendElement("div").addClass("row head");
        sortButton(head, "name", words.learner());
        results.exercises().forEach(id -> sortButton(head, id, id));
        sortButton(head, "total", words.total());
        sortButton(head, "note", words.note());
        Element rows = table.appendElement("div").id("learner-rows");
        for (Learner l : results.learners()) {
            row(rows, l);
        }
    }

    private static void sortButton(Element head, String key, String label) {
        head.appendElement("button").attr("type", "button").attr("data-key", key).text(label);
    }

    private void row(Element rows, Learner l) {
        Element details = rows.appendElement("details").addClass("learner").attr("data-learner", l.name());
        if (results.belowHalf(l)) {
            details.attr("data-low", "");
        }
        if (!l.graded()) {
            details.addClass("not-graded");
        }
        // One cell per column; an exercise's cell carries only how it went, to keep a big class's page small.
        Element summary = details.appendElement("summary").addClass("row");
        summary.appendElement("span").addClass("name").text(Text.line(l.name()));
        for (String id : results.exercises()) {
            Optional<Learner.Exercise> e = l.exercise(id);
            Element cell = summary.appendElement("span");
            e.ifPresentOrElse(x -> cell.addClass(mark(x)).text(Scoring.show(x.score())), () -> cell.text("—"));
        }
        summary.appendElement("span").addClass("total").text(Scoring.show(results.total(l)));
        int failing = (int) l.exercises().values().stream().flatMap(e -> e.tests().stream()).filter(t -> !t.passed()).count();
        Element note = summary.appendElement("span").addClass("note").text(Text.line(l.note()));
        if (failing > 0) {
            note.appendElement("span").addClass("fails").text(words.failures(failing));
        }
        Element body = details.appendElement("div").addClass("failures");
        if (!l.graded()) {
            body.appendElement("p").text(Text.line(l.note()));
        } else if (!failures(body, l)) {
            body.appendElement("p").text(words.allPassed());
        }
    }

    /** full, part, zero or error: how an exercise went, for its cell's shade. */
    private static String mark(Learner.Exercise e) {
        if (e.status().equals("error")) {
            return "error";
        }
        return e.score() >= e.maxScore() && e.maxScore() > 0 ? "full" : e.score() > 0 ? "part" : "zero";
    }

    /** Writes a learner's failures, exercise by exercise, alike ones together; false when there are none. */
    private boolean failures(Element body, Learner l) {
        int used = 0;
        int left = 0;
        boolean any = false;
        for (String id : results.exercises()) {
            Learner.Exercise e = l.exercise(id).orElse(null);
            if (e == null || (e.status().equals("pass") && e.tests().stream().allMatch(Learner.Test::passed))) {
                continue;
            }
            any = true;
            List<Learner.Test> failed = e.tests().stream().filter(t -> !t.passed()).toList();
            if (used > budget) {
                left += Math.max(1, failed.size());
                continue;
            }
            Element block = body.appendElement("div").addClass("ex");
            block.appendElement("h4").text(id + " · " + Scoring.show(e.score()) + " / " + Scoring.show(e.maxScore())
                    + l.problem(id).map(p -> " · " + p).orElse(""));
            if (failed.isEmpty() && !e.message().isBlank()) {
                used += pre(block, "msg", e.message(), MESSAGE_CUT);
            }
            Map<String, List<Learner.Test>> alike = new LinkedHashMap<>();
            failed.forEach(t -> alike.computeIfAbsent(t.message() + "\0" + t.output(), k -> new ArrayList<>()).add(t));
            for (List<Learner.Test> group : alike.values()) {
                if (used > budget) {
                    left += group.size();
                    continue;
                }
                Element names = block.appendElement("ul").addClass("names");
                for (Learner.Test t : group) {
                    Element li = names.appendElement("li").text(Text.line(t.name()));
                    used += t.name().length();
                    if (t.hidden()) {
                        li.appendText(" ").appendElement("span").addClass("badge").text(words.hidden(t.until()));
                    }
                }
                Learner.Test t = group.get(0);
                used += pre(block, "msg", t.message(), MESSAGE_CUT);
                if (!t.output().isEmpty()) {
                    block.appendElement("div").addClass("label").text(words.output());
                    used += pre(block, "out", t.output(), OUTPUT_CUT);
                }
            }
        }
        if (left > 0) {
            body.appendElement("p").addClass("more").text(words.moreInResult(left, "results/" + l.name() + ".json"));
        }
        return any;
    }

    private static int pre(Element block, String kind, String text, int cut) {
        String shown = Text.block(text, cut);
        block.appendElement("pre").addClass(kind).text(shown);
        return shown.length();
    }

    void notGraded(Element section) {
        section.appendElement("h2").text(words.notGradedTitle());
        List<Learner> whole = results.learners().stream().filter(l -> !l.graded()).toList();
        List<String[]> exercises = new ArrayList<>();
        for (Learner l : results.graded()) {
            for (String id : results.exercises()) {
                l.exercise(id).filter(e -> e.status().equals("error")).ifPresent(e -> exercises.add(new String[] {l.name(), id,
                        l.problem(id).orElse(e.message().strip().lines().findFirst().orElse(e.status()))}));
            }
        }
        if (whole.isEmpty() && exercises.isEmpty()) {
            section.appendElement("p").text(words.notGradedNone());
            return;
        }
        if (!whole.isEmpty()) {
            section.appendElement("h3").text(words.notGradedSubmissions());
            Element body = table(section, words.submission(), words.reason());
            for (Learner l : whole) {
                Element tr = body.appendElement("tr").attr("data-not-graded", l.name());
                tr.appendElement("td").text(Text.line(l.name()));
                tr.appendElement("td").text(Text.line(l.note()));
            }
        }
        if (!exercises.isEmpty()) {
            section.appendElement("h3").text(words.notRunExercises());
            Element body = table(section, words.submission(), words.exercise(), words.reason());
            for (String[] row : exercises) {
                Element tr = body.appendElement("tr");
                for (String cell : row) {
                    tr.appendElement("td").text(Text.line(Text.cut(cell, 300)));
                }
            }
        }
    }

    private static Element table(Element section, String... headings) {
        Element table = section.appendElement("table").addClass("plain");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String h : headings) {
            head.appendElement("th").text(h);
        }
        return table.appendElement("tbody");
    }
}
