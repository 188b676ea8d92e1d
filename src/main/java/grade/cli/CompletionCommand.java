package grade.cli;

import grade.course.Course;
import grade.course.Day;
import grade.course.Exercise;
import grade.course.Lang;
import grade.terminal.Console;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;

/**
 * Prints a completion script made by picocli from the commands' own model, with the days and
 * exercises of the course: a DAY completes to a day, an EXERCISE to the exercises of the day
 * already typed. zsh runs the same script through its bash emulation (bashcompinit).
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Print a script that completes grade's commands, options, days and exercises in bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(./grade completion bash)   in ~/.bashrc: then ./grade day0<TAB>, ./grade show day03 <TAB>",
            "  source <(./grade completion zsh)    in ~/.zshrc"})
final class CompletionCommand implements Callable<Integer> {
    /** Stands for the exercises of the day on the command line; replaced by a call that lists them at completion time. */
    private static final String EXERCISES = "grade-exercises-of-the-day";

    enum Shell { bash, zsh }

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        Course course = new Context(common).course;
        CommandLine cli = Main.commandLine(name -> true);
        withCourse(cli, course);
        String script = AutoComplete.bash("grade", cli).replace("(\"" + EXERCISES + "\")", "($(_grade_exercises))");
        Console.out().print(script + exercisesByDay(course) + """

                # `./grade` is completed as `grade`: the functions above count words from the command's name.
                # Once a day is on the command line, its exercises are offered, no longer the commands.
                function _grade_completion() {
                  COMP_LINE="grade${COMP_LINE#"${COMP_WORDS[0]}"}"
                  COMP_WORDS[0]=grade
                  _complete_grade "$@"
                  if [ -n "$(_grade_exercises)" ]; then
                    local kept=() word
                    for word in "${COMPREPLY[@]}"; do
                      case " %s " in *" $word "*) ;; *) kept+=("$word") ;; esac
                    done
                    COMPREPLY=("${kept[@]}")
                  fi
                }
                complete -F _grade_completion -o default grade
                """.formatted(String.join(" ", GradeCommand.SUBCOMMANDS.keySet())));
        Console.out().flush();
        return 0;
    }

    /**
     * Gives every DAY and EXERCISE parameter of {@code cli} and its subcommands the course's
     * names, and --lang and --sandbox their values as they are written.
     */
    private static void withCourse(CommandLine cli, Course course) {
        CommandSpec spec = cli.getCommandSpec();
        for (PositionalParamSpec p : List.copyOf(spec.positionalParameters())) {
            List<String> candidates = switch (p.paramLabel()) {
                case "DAY" -> cli.getCommandName().equals("batch")
                        ? Stream.concat(course.days().stream().map(Day::id), course.exercises().stream().map(Exercise::id)).toList()
                        : course.days().stream().map(Day::id).toList();
                case "EXERCISE" -> List.of(EXERCISES);
                default -> null;
            };
            if (candidates != null) {
                spec.remove(p);
                spec.addPositional(PositionalParamSpec.builder(p).completionCandidates(candidates).build());
            }
        }
        for (OptionSpec o : List.copyOf(spec.options())) {
            List<String> values = switch (o.longestName()) {
                case "--lang" -> Arrays.stream(Lang.values()).map(Lang::code).toList();
                case "--sandbox" -> List.of("auto", "bwrap", "none");
                default -> null;
            };
            if (values != null) {
                spec.remove(o);
                spec.addOption(OptionSpec.builder(o).completionCandidates(values).build());
            }
        }
        cli.getSubcommands().values().forEach(sub -> withCourse(sub, course));
    }

    /** A function that prints the exercises of the first day on the command line. */
    private static String exercisesByDay(Course course) {
        String cases = course.days().stream()
                .map(d -> "      " + d.id() + ") echo \"" + d.exercises().stream().map(Exercise::slug).collect(Collectors.joining(" ")) + "\"; return ;;")
                .collect(Collectors.joining("\n"));
        return """

                # The exercises of the day already on the command line, from the course's catalogue.
                function _grade_exercises() {
                  local word
                  for word in "${COMP_WORDS[@]}"; do
                    case "$word" in
                %s
                    esac
                  done
                }
                """.formatted(cases);
    }
}
