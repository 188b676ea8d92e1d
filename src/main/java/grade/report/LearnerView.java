package grade.report;

import grade.course.Lang;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner may see of a grade. A test hidden today keeps its status, weight and points and
 * loses everything else: its name becomes "hidden test N" (numbered within its exercise), its
 * message (when it did not pass) a sentence of the grader's that says so and gives its points,
 * its captured output nothing. Every learner-facing output (terminal, json, junit, exercism,
 * classroom) is written from this view; instructors get the grade itself.
 */
public final class LearnerView {
    private final LocalDate today;
    private final Words words;

    public LearnerView(LocalDate today, Lang lang) {
        this.today = today;
        this.words = new Words(lang);
    }

    public GradeReport of(GradeReport report) {
        List<ExerciseResult> exercises = new ArrayList<>();
        for (ExerciseResult e : report.exercises()) {
            exercises.add(of(e));
        }
        return new GradeReport(report.source(), List.copyOf(exercises), report.millis());
    }

    public ExerciseResult of(ExerciseResult e) {
        if (e.tests().stream().noneMatch(this::hidden)) {
            return e;
        }
        List<TestResult> tests = new ArrayList<>();
        long[] worth = Scoring.testMaxCents(e);
        int n = 0;
        for (int i = 0; i < worth.length; i++) {
            TestResult t = e.tests().get(i);
            tests.add(hidden(t) ? redact(t, ++n, worth[i]) : t);
        }
        String message = e.status() == Status.ERROR && hidden(e.tests().get(0)) ? tests.get(0).message() : e.message();
        return e.with(message, List.copyOf(tests));
    }

    /** Whether a learner may not see {@code t}'s name, message and output today. */
    public boolean hidden(TestResult t) {
        return t.visibility().hiddenOn(today);
    }

    /** The {@code n}th hidden test of its exercise, worth {@code worth} hundredths, as a learner sees it. */
    public TestResult redact(TestResult t, int n, long worth) {
        String message = t.status() == Status.PASS ? "" : words.hiddenTestFailed(t.visibility().untilDate(), "0/" + Scoring.showCents(worth));
        return new TestResult(words.hiddenTest(n), t.status(), message, "", t.millis(), t.weight(), t.visibility());
    }
}
