package grade.cli;

import grade.terminal.Console;
import grade.compile.CompileResult;
import grade.compile.Compiler;
import grade.course.Day;
import grade.course.Exercise;
import grade.terminal.Style;
import grade.workspace.Workspace;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Open JShell with your compiled classes of a day, to try your code by hand.",
    "The usual imports are there (java.io, java.nio.file, java.net, java.nio.charset, and the",
    "day's package). Compile errors are shown first; what compiled is still loaded."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade repl day03", "  jshell> Offsets.readFrom(Path.of(\"notes.txt\"), 7)", "  jshell> /exit"})
final class ReplCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DAY", description = "The day whose classes to load (default: none).")
    String day;

    @Override
    public Integer call() throws Exception {
        Context ctx = new Context(common);
        PrintStream out = Console.out();
        Style style = common.style();
        List<String> classPath = new ArrayList<>();
        List<String> imports = new ArrayList<>(List.of("java.io.*", "java.nio.file.*", "java.net.*", "java.nio.charset.*",
                "java.util.*", "java.time.*"));
        if (day != null) {
            Day d = ctx.day(day);
            Optional<Workspace> ws = ctx.workspace(true, out);
            Compiler compiler = new Compiler(ctx.cacheFor(ws));
            for (Exercise e : d.exercises()) {
                CompileResult r = compiler.compile(e.id(), ws.get().root(), e.files(), ctx.course.ownFiles(ws.get().root(), d.id()));
                if (r.ok()) {
                    classPath.add(r.classes().toString());
                } else {
                    out.println(style.yellow("! " + e.id() + " did not compile, so its classes are not loaded:"));
                    r.errors().forEach(err -> out.println(grade.kit.Text.indent(err, "    ")));
                }
            }
            imports.add(d.id() + ".*");
            out.println(style.dim("Loaded " + classPath.size() + " of " + d.exercises().size() + " exercises of " + d.id()
                    + ". Try it, then /exit to leave."));
        }
        Path startup = Files.createTempFile("grade-repl", ".jsh");
        try {
            StringBuilder sb = new StringBuilder();
            imports.forEach(i -> sb.append("import ").append(i).append(";\n"));
            Files.writeString(startup, sb.toString(), StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("--startup", "DEFAULT", "--startup", startup.toString()));
            if (!classPath.isEmpty()) {
                args.addAll(List.of("--class-path", String.join(File.pathSeparator, classPath)));
            }
            args.add("-R-Dfile.encoding=UTF-8");
            // JShell keeps its settings in java.util.prefs, which announces a new folder on first use.
            java.util.logging.Logger.getLogger("java.util.prefs").setLevel(java.util.logging.Level.WARNING);
            JavaShellToolBuilder.builder().start(args.toArray(String[]::new));
            return 0;
        } finally {
            Files.deleteIfExists(startup);
        }
    }
}
