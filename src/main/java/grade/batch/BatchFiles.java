package grade.batch;

import java.nio.file.Path;
import java.util.Set;

/**
 * What a batch writes into its output folder: the gradebook, one result per submission, the
 * record of the run and the class report. None of them is ever taken for a submission.
 */
public record BatchFiles(Path dir) {

    public Path gradebook() {
        return dir.resolve("grades.csv");
    }

    public Path results() {
        return dir.resolve("results");
    }

    /** The result file of one submission. */
    public Path result(String submission) {
        return results().resolve(submission + ".json");
    }

    /** When the batch ran, how long it took, with which grader and tests: {@link BatchRun}. */
    public Path run() {
        return dir.resolve("batch.json");
    }

    public Path report() {
        return dir.resolve("report.html");
    }

    public Set<Path> all() {
        return Set.of(gradebook(), results(), run(), report());
    }
}
