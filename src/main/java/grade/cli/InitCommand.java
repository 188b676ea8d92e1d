package grade.cli;

import grade.terminal.Console;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Make a workspace with the starter files of every exercise.",
    "An existing workspace is completed: missing starters are added, nothing is overwritten."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade init                 homework/ beside grade", "  ./grade init ~/io-course     a workspace of your own"})
final class InitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Where (default: homework/ beside grade).")
    Path dir;

    @Override
    public Integer call() {
        Context ctx = new Context(common);
        PrintStream out = Console.out();
        Path target = dir != null ? dir : ctx.home.resolve(Workspace.DEFAULT_NAME);
        Workspace.Init init = Workspace.init(target, ctx.course);
        Path root = init.workspace().root();
        grade.course.Lang lang = common.lang();
        if (init.existed()) {
            out.println(lang.pick("The workspace " + root + " already exists; nothing in it was changed.",
                    "工作区 " + root + " 已经存在，里面的东西都没有改动。"));
            if (!init.copied().isEmpty()) {
                out.println(lang.pick("Added the missing starter files: ", "补上了缺少的初始文件：") + String.join(", ", init.copied()));
            }
        } else {
            String first = "`./grade " + ctx.course.days().get(0).id() + (dir != null ? " -w " + dir : "") + "`";
            out.println(lang.pick("Created the workspace " + root + " with " + init.copied().size() + " starter files.",
                    "建好了工作区 " + root + "，里面有 " + init.copied().size() + " 个初始文件。"));
            out.println(lang.pick("Start with " + first + ".", "从 " + first + " 开始。"));
        }
        return 0;
    }
}
