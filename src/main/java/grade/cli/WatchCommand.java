package grade.cli;

import grade.terminal.Keys;
import grade.terminal.Console;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.course.Localized;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.terminal.Style;
import grade.terminal.TerminalReport;
import grade.report.TestResult;
import grade.engine.Grading;
import grade.engine.Settings;
import grade.engine.Sources;
import grade.workspace.State;
import grade.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Re-grade as soon as you save, and move on when an exercise passes.",
    "Starts at the first exercise not yet passed (or the one you name) and shows what changed",
    "since the last run. Keys: h hint · l list · r re-run · q quit."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade watch", "  ./grade watch day03", "  ./grade watch day03 tail --poll"})
final class WatchCommand implements Callable<Integer> {
    /** Saves closer together than this are one save (an editor's burst of writes). */
    static final long QUIET_MILLIS = 40;
    /** However long a burst of writes goes on, grade after this. */
    static final long SETTLE_MAX_MILLIS = 400;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DAY")
    String day;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXERCISE")
    String exercise;

    @Option(names = "--poll", description = "Look at the files every interval instead of waiting for file events (network drives,"
            + " some editors; always on macOS, where the JDK's file events come only every 10 s).")
    boolean poll;

    @Option(names = "--interval", paramLabel = "MS", description = "With --poll, how often to look (default: 300 ms; 100 ms on macOS).")
    Long interval;

    private Context ctx;
    private PrintStream out;
    private Style style;
    private Workspace ws;
    private State state;
    private static final Localized KEYS = new Localized("h hint · l list · r re-run · q quit", "h 提示 · l 列表 · r 重新评分 · q 退出");
    private Grading grading;
    private Sources sources;
    private final Map<String, ExerciseResult> last = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        ctx = new Context(common);
        out = Console.out();
        style = common.style();
        ws = ctx.workspace(true, out).orElseThrow();
        state = State.load(ws);
        sources = Sources.of(ws);
        Settings settings = common.settings();
        out.println(style.dim(grade.engine.Sandbox.describe(settings.sandbox(), settings.lang())));
        grading = new Grading(new Compiler(ctx.cacheFor(java.util.Optional.of(ws))), settings).course(ctx.course).testJvms(Runtime.getRuntime().availableProcessors()).keepReady(true);
        List<Exercise> queue = queue();
        int at = 0;
        if (exercise == null) {
            while (at < queue.size() - 1 && "pass".equals(state.progress(queue.get(at).id()).status)) {
                at++;
            }
        }
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Keys keys = Keys.start(events); Grading g = grading) {
            while (at < queue.size()) {
                Exercise current = queue.get(at);
                boolean passed;
                try (FileWatch watch = FileWatch.start(watched(current).stream().map(f -> ws.root().resolve(f)).toList(), events,
                        poll || FileWatch.EVENTS_LAG, interval != null ? interval : FileWatch.EVENTS_LAG ? 100 : 300)) {
                    passed = loop(current, events);
                }
                if (!passed) {
                    return 0;
                }
                at++;
                if (at < queue.size()) {
                    out.println(style.green(w("Next up: ", "下一个：")) + style.bold(queue.get(at).id() + " · " + queue.get(at).title().get(common.lang()))
                            + style.dim(w("  (statement: ", "  （题目：") + "./grade show " + queue.get(at).day() + " " + queue.get(at).slug() + w(")", "）")));
                }
            }
            out.println(style.green(style.bold(w("Every exercise here passed. Well done!", "这里的练习都通过了。干得好！"))));
        }
        return 0;
    }

    /** Waits until the files have been quiet for a moment: an editor's save is often a burst of writes. */
    private static void settle(BlockingQueue<String> events) throws InterruptedException {
        long end = System.nanoTime() + SETTLE_MAX_MILLIS * 1_000_000;
        List<String> keys = new ArrayList<>();
        while (System.nanoTime() < end) {
            String next = events.poll(QUIET_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            if (!next.equals("save")) {
                keys.add(next);
            }
        }
        events.addAll(keys);
    }

    /** Grades, then waits for saves and keys; returns true when the exercise passed, false on quit. */
    private boolean loop(Exercise current, BlockingQueue<String> events) throws Exception {
        String graded = null;
        boolean rerun = true;
        while (true) {
            String hash = hash(current);
            if (rerun || !hash.equals(graded)) {
                graded = hash;
                if (grade(current)) {
                    return true;
                }
                out.println(style.dim(w("watching ", "正在监视 ") + String.join(", ", current.files()) + " · " + KEYS.get(common.lang())));
            }
            rerun = false;
            String event = events.take();
            switch (event) {
                case "save" -> settle(events);
                case "h" -> hint(current);
                case "l" -> new ListCommand().print(ctx, out, style);
                case "r" -> rerun = true;
                case "q", "eof" -> {
                    out.println(style.dim(w("Stopped watching.", "停止监视。")));
                    return false;
                }
                default -> out.println(style.dim(w("keys: ", "按键：") + KEYS.get(common.lang())));
            }
        }
    }

    private boolean grade(Exercise current) throws IOException, InterruptedException {
        out.println();
        out.println(style.dim("── " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + w(" · grading ", " · 评分 ") + current.id() + " ──"));
        GradeReport graded = grading.grade(List.of(current), sources);
        GradeReport report = new grade.report.LearnerView(java.time.LocalDate.now(), common.lang()).of(graded);
        ExerciseResult now = report.exercises().get(0);
        printChanges(last.get(current.id()), now);
        last.put(current.id(), now);
        new TerminalReport(out, style, common.lang()).print(report);
        state.record(graded);
        return now.status() == Status.PASS;
    }

    /** What changed since the last grade of this exercise: tests now passing, tests now failing. */
    private void printChanges(ExerciseResult before, ExerciseResult now) {
        if (before == null) {
            return;
        }
        Map<String, Status> was = new HashMap<>();
        before.tests().forEach(t -> was.put(t.name(), t.status()));
        List<String> fixed = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (TestResult t : now.tests()) {
            Status s = was.get(t.name());
            if (s != null && s != Status.PASS && t.status() == Status.PASS) {
                fixed.add(t.name());
            } else if (s == Status.PASS && t.status() != Status.PASS) {
                broken.add(t.name());
            }
        }
        fixed.forEach(n -> out.println(style.green(w("  now passing: ", "  现在通过了：")) + grade.kit.Text.line(n)));
        broken.forEach(n -> out.println(style.red(w("  now failing: ", "  现在没通过：")) + grade.kit.Text.line(n)));
        if (fixed.isEmpty() && broken.isEmpty() && before.status() == now.status()) {
            out.println(style.dim(w("  no change since the last run", "  和上一次相比没有变化")));
        }
    }

    private String w(String en, String zh) {
        return common.lang().pick(en, zh);
    }

    private void hint(Exercise e) {
        List<Localized> hints = e.hints();
        out.println(HintCommand.line(style, hints, state.showHints(e.id(), hints.size(), false), common.lang()));
    }

    private List<Exercise> queue() {
        if (day == null) {
            return ctx.course.exercises();
        }
        List<Exercise> ofDay = ctx.day(day).exercises();
        if (exercise == null) {
            return ofDay;
        }
        Exercise first = ctx.exercise(ctx.day(day), exercise);
        return ofDay.subList(ofDay.indexOf(first), ofDay.size());
    }

    /** The exercise's files and the learner's own files of its day, which are compiled with it. */
    private List<String> watched(Exercise e) throws IOException {
        List<String> files = new ArrayList<>(e.files());
        files.addAll(ctx.course.ownFiles(ws.root(), e.day()));
        return files;
    }

    private String hash(Exercise e) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : watched(e)) {
            Path p = ws.root().resolve(f);
            sb.append(f).append(':').append(Files.exists(p) ? java.util.Arrays.hashCode(Files.readAllBytes(p)) : 0).append(';');
        }
        return sb.toString();
    }
}
