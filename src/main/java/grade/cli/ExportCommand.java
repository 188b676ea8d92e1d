package grade.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, description = {"Grade on Gradescope or GitHub Classroom (for instructors).",
    "gradescope builds an autograder zip for a day; github writes a workflow into",
    "a student repository made from the learners' bundle. Either way the grading",
    "runs on their machines, not on ours."},
        subcommands = {ExportGradescopeCommand.class, ExportGithubCommand.class, picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade export gradescope day03", "  ./grade export gradescope day03 offsets -o offsets.zip",
            "  ./grade export github ../student-repo --day day03"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "say what to export: gradescope (an autograder zip) or github (a workflow)");
    }
}
