package grade.engine;

import grade.protocol.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs exercises' hidden tests in forked test JVMs, never in the grader's own: learner code may
 * end the JVM, loop for ever or leak threads and processes. The grader holds the run's deadline
 * and limits, trusts only what the test JVM signed, and ends every process of the run. When a
 * test JVM ends before it has run every exercise (learner code ended it, hung in it, or hit a
 * limit), the exercises it had not begun run in a fresh one; the exercise it was in gets no more
 * than what it reported.
 */
public final class TestRun implements AutoCloseable {
    private final Settings settings;
    private final List<Path> hidden = new ArrayList<>();
    private RunFolders folders;
    private TestJvm ready;
    private Path keepOutbox;

    /** One exercise's classes (as compiled, and as the test JVM loads them) and its hidden test classes. */
    public record Unit(String exerciseId, Path classes, Path guarded, List<String> testClasses, int timeoutSeconds) {
    }

    /**
     * What a run learned of one exercise: its signed results, in the order they came, and, when
     * the test JVM ended before the exercise did, how it ended.
     */
    public record Reported(List<Message.Result> results, Optional<Ending> cut) {
    }

    /** Results by exercise id, and how long the run took. */
    public record Outcome(Map<String, Reported> exercises, long millis) {
    }

    /** A run whose learner code, when sandboxed, sees neither the user's home nor {@code workspace}. */
    public TestRun(Settings settings, Optional<Path> workspace) {
        this.settings = settings;
        hidden.add(Path.of(System.getProperty("user.home")));
        workspace.ifPresent(hidden::add);
    }

    /** Copies what learner code left in the run's outbox into {@code into} when the run ends (null: nothing is kept). */
    TestRun keepOutbox(Path into) {
        this.keepOutbox = into;
        return this;
    }

    /**
     * Starts the test JVM ahead of need: it starts up (and with {@code warm}, runs warm-up tests),
     * then waits for the work that {@link #run} gives it. A grade starts it before compiling;
     * watch mode starts the next one, warm, while the learner edits.
     */
    public TestRun prestart(boolean warm) throws IOException {
        if (ready == null) {
            ready = TestJvm.start(settings, folders(), hidden, warm);
        }
        return this;
    }

    private RunFolders folders() throws IOException {
        if (folders == null) {
            folders = RunFolders.create();
        }
        return folders;
    }

    /** Ends a test JVM started ahead that was not used, and deletes the run's scratch folder. */
    @Override
    public void close() {
        if (ready != null) {
            ready.end();
            ready = null;
        }
        if (folders != null) {
            try {
                if (keepOutbox != null && Files.isDirectory(folders.outbox())) {
                    org.apache.commons.io.FileUtils.copyDirectory(folders.outbox().toFile(), keepOutbox.toFile());
                }
            } catch (IOException e) {
                // what was not kept counts as never written: a coverage run then covers less
            }
            folders.delete();
            folders = null;
        }
    }

    /**
     * Runs every unit's tests; every unit gets its entry, also after a crash. The run's deadline is
     * {@code deadlineSeconds}, or the limits' own when they set one.
     */
    public Outcome run(List<Unit> units, int deadlineSeconds) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int seconds = settings.limits().runSeconds() > 0 ? settings.limits().runSeconds() : deadlineSeconds;
        long deadline = start + seconds * 1_000_000_000L;
        try {
            for (Unit u : units) {
                org.apache.commons.io.FileUtils.copyDirectory(u.classes().toFile(), folders().learner().toFile());
                org.apache.commons.io.FileUtils.copyDirectory(u.guarded().toFile(), folders().methods().toFile());
            }
            Map<String, Reported> out = new LinkedHashMap<>();
            List<Unit> todo = units;
            while (!todo.isEmpty()) {
                if (ready != null && !ready.process().isAlive()) {
                    ready.end(); // a test JVM started ahead that has died since: a fresh one
                    ready = null;
                }
                TestJvm jvm = ready != null ? ready : TestJvm.start(settings, folders(), hidden, false);
                ready = null;
                Round round = new Round(jvm, settings, seconds, deadline, folders().scratch());
                try {
                    round.run(todo);
                } finally {
                    jvm.end();
                }
                if (jvm.interrupted()) {
                    throw new InterruptedException("the grade was interrupted"); // nothing is recorded for it
                }
                List<Unit> notBegun = new ArrayList<>();
                for (Unit u : todo) {
                    Round.Progress p = round.progress(u.exerciseId());
                    switch (p.state()) {
                        // a limit hit in the round ends the exercises that ran in it, also those whose tests all reported
                        case ENDED -> out.put(u.exerciseId(), new Reported(p.results(),
                                round.ending().kind() == Ending.Kind.LIMIT ? Optional.of(round.ending()) : Optional.empty()));
                        case BEGUN -> out.put(u.exerciseId(), new Reported(p.results(), Optional.of(round.ending())));
                        case NOT_BEGUN -> notBegun.add(u);
                    }
                }
                boolean progressed = notBegun.size() < todo.size();
                if (!progressed || !round.ending().freshJvmHelps() || System.nanoTime() >= deadline) {
                    notBegun.forEach(u -> out.put(u.exerciseId(), new Reported(List.of(), Optional.of(round.ending()))));
                    notBegun.clear();
                }
                todo = notBegun;
            }
            return new Outcome(out, (System.nanoTime() - start) / 1_000_000);
        } finally {
            close();
        }
    }
}
