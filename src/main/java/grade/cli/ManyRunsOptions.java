package grade.cli;

import grade.engine.Sandbox;
import grade.engine.Settings;
import picocli.CommandLine.Option;

/** The options of the commands that grade many runs side by side and report on them: verify and mutants. */
final class ManyRunsOptions {
    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    GradeCommand.Format format = GradeCommand.Format.text;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Runs graded side by side (default: 3 per core, ${DEFAULT-VALUE}: most of a run is waiting).")
    int jobs = 3 * Runtime.getRuntime().availableProcessors();

    boolean json() {
        return format == GradeCommand.Format.json;
    }

    /** The common settings with these jobs; text and json are the only formats these commands write. */
    Settings settings(CommonOptions common, String command) {
        if (jobs < 1) {
            throw new UserError("--jobs must be 1 or more");
        }
        if (format != GradeCommand.Format.text && !json()) {
            throw new UserError("grade " + command + " writes --format text or json, not " + format);
        }
        return common.settings().withJobs(jobs);
    }

    /** The line that opens a run: where learner code runs, and how many runs go at a time. */
    static String opening(Settings settings, String one, String many, String zh) {
        int n = settings.jobs();
        return Sandbox.describe(settings.sandbox(), settings.lang()) + " · "
                + settings.lang().pick(n + " " + (n == 1 ? one : many) + " at a time", zh.formatted(n));
    }
}
