package grade.classreport;

import grade.batch.BatchFiles;
import grade.course.Lang;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The class at a glance: {@code report.html} from what a batch wrote (its results and its
 * record), for the instructor. The only door into this package, and the only code of the
 * grader that loads jsoup, JFreeChart and JFreeSVG: nothing of a learner's grade reaches it.
 */
public final class ClassReport {
    private ClassReport() {
    }

    /** Whether {@code files} holds results to report on. */
    public static boolean hasResults(BatchFiles files) {
        return Files.isDirectory(files.results());
    }

    /**
     * The report of the batch in {@code files}, in {@code lang}; {@code grader} names the grader
     * that writes it.
     */
    public static String html(BatchFiles files, Lang lang, String grader) throws IOException {
        ReportWords words = new ReportWords(lang);
        return ReportPage.html(ClassResults.read(files, words), words, grader);
    }
}
