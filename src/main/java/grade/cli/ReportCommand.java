package grade.cli;

import grade.report.OutputFile;
import grade.batch.BatchFiles;
import grade.classreport.ClassReport;
import grade.terminal.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {
    "The class at a glance, for instructors: report.html from what grade batch wrote",
    "(results/ and batch.json), beside grades.csv. One self-contained page that opens",
    "from a file in any browser: the spread of scores per exercise and for the whole",
    "batch, the tests the class fails most with their most common messages, a row per",
    "learner with their failures one click away (hidden tests in full), and what could",
    "not be graded, with why."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade batch submissions/ day03 && ./grade report submissions/",
            "  ./grade report submissions/ --out marks/      the batch was written to marks/",
            "  ./grade report submissions/ --lang zh         in Chinese",
            "",
            "Exit status: 0 written, 2 usage error (no batch results there)."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS_DIR", description = "The folder grade batch graded.")
    Path submissions;

    @Option(names = "--out", paramLabel = "DIR", description = "Where grade batch wrote grades.csv and results/ (its --out; default: SUBMISSIONS_DIR).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path dir = (out == null ? submissions : out).toAbsolutePath().normalize();
        BatchFiles files = new BatchFiles(dir);
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + " is not a folder; give the folder that grade batch graded");
        }
        if (!ClassReport.hasResults(files)) {
            throw new UserError(dir + " holds no results/ of a batch: grade the class first with grade batch "
                    + submissions + (out == null ? "" : " --out " + out) + " (or name with --out where it wrote them)");
        }
        OutputFile.write(files.report(), ClassReport.html(files, common.lang(), new Version().getVersion()[0]));
        Console.out().println("Report: " + files.report());
        return 0;
    }
}
