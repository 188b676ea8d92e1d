package grade.cli;

import grade.course.CatalogueException;
import grade.workspace.WorkspaceException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point. Exit status: 0 everything graded passed, 1 something failed, 2 a usage or
 * configuration error (a bad option, a broken course, a missing workspace), 3 the grader itself
 * failed, 130 interrupted (Ctrl-C; a signal ends the JVM with 128 + its number, as shells expect).
 */
public final class Main {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;
    static final int INTERRUPTED = 130;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        java.util.Set<String> named = java.util.Set.of(args);
        boolean help = named.contains("help") || named.contains("-h") || named.contains("--help");
        CommandLine cli = commandLine(name -> help || named.contains(name));
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("grade: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run `grade --help` for the commands and options.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserError || ex instanceof WorkspaceException || ex instanceof CatalogueException
                    || ex instanceof grade.compile.NoCompilerException) {
                err.println("grade: " + ex.getMessage());
                return USAGE;
            }
            if (interrupted(ex)) {
                err.println("grade: interrupted");
                return INTERRUPTED;
            }
            String io = FileProblem.describe(ex);
            if (io != null) {
                err.println("grade: " + io);
                return USAGE;
            }
            err.println("grade: internal error: " + ex);
            if (System.getenv("GRADE_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("This is a bug in grade, not in your code. Run again with GRADE_DEBUG=1 to see the details.");
            }
            return INTERNAL;
        });
        return cli.execute(commonOptionsToCommand(cli, args));
    }

    private static final List<String> COMMON_WITH_VALUE = List.of("-w", "--workspace", "--lang", "--sandbox");

    /**
     * The options every command takes, when written before a command's name
     * ({@code grade --lang zh hint day03 tail}), moved after it: they are that command's, as a
     * user means them, not the top command's, which would not pass them on.
     */
    static String[] commonOptionsToCommand(CommandLine cli, String[] args) {
        List<String> lead = new java.util.ArrayList<>();
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String a = args[i];
            if (COMMON_WITH_VALUE.contains(a) && i + 1 < args.length) {
                lead.add(a);
                lead.add(args[++i]);
            } else if (a.equals("--no-color") || COMMON_WITH_VALUE.stream().anyMatch(o -> o.startsWith("--") && a.startsWith(o + "="))) {
                lead.add(a);
            } else {
                return args;
            }
        }
        CommandLine command = i < args.length ? cli.getSubcommands().get(args[i]) : null;
        if (lead.isEmpty() || command == null || !command.getMixins().containsKey("common")) {
            return args;
        }
        List<String> out = new java.util.ArrayList<>(List.of(args[i]));
        out.addAll(lead);
        out.addAll(List.of(args).subList(i + 1, args.length));
        return out.toArray(String[]::new);
    }

    /** Whether {@code ex} is, or was caused by, an interruption (Ctrl-C ends a grade's test JVMs first). */
    private static boolean interrupted(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** The command line with the subcommands {@code wanted} of their names (see GradeCommand.SUBCOMMANDS). */
    static CommandLine commandLine(java.util.function.Predicate<String> wanted) {
        CommandLine cli = new CommandLine(new GradeCommand());
        GradeCommand.SUBCOMMANDS.forEach((name, command) -> {
            if (wanted.test(name)) {
                cli.addSubcommand(name, command);
            }
        });
        return cli;
    }
}
