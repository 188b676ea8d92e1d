package grade.engine;

import grade.protocol.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One test JVM's share of a run: it is given the exercises, and the grader reads what it signs
 * until it says it is done or ends, while the watchdog holds the run's limits and the grader the
 * deadline. Afterwards: how far each exercise got, and how the JVM ended.
 */
final class Round {
    /** How long a test JVM may take to start and connect. */
    private static final long CONNECT_MILLIS = 30_000;

    enum State { NOT_BEGUN, BEGUN, ENDED }

    /** How far one exercise got, and what it reported. */
    record Progress(State state, List<Message.Result> results) {
    }

    private final TestJvm jvm;
    private final Settings settings;
    private final int deadlineSeconds;
    private final long deadline;
    private final Path scratch;
    private final Map<String, State> states = new HashMap<>();
    private final Map<String, List<Message.Result>> results = new HashMap<>();
    private Ending ending;
    /** A limit the test JVM said learner code hit, before it ended the run itself. */
    private Limits.Kind signalled;

    Round(TestJvm jvm, Settings settings, int deadlineSeconds, long deadline, Path scratch) {
        this.jvm = jvm;
        this.settings = settings;
        this.deadlineSeconds = deadlineSeconds;
        this.deadline = deadline;
        this.scratch = scratch;
    }

    Progress progress(String exercise) {
        return new Progress(states.getOrDefault(exercise, State.NOT_BEGUN), results.getOrDefault(exercise, List.of()));
    }

    Ending ending() {
        return ending;
    }

    void run(List<TestRun.Unit> units) throws IOException, InterruptedException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        try (Connection c = jvm.connect(Math.max(0, Math.min(CONNECT_MILLIS, left)))) {
            if (c == null) {
                ending = ended(System.nanoTime() >= deadline ? Ending.Kind.DEADLINE : Ending.Kind.NEVER_CONNECTED, null);
                return;
            }
            c.send(new Message.Work(units.stream().map(u -> new Message.Unit(u.exerciseId(), u.timeoutSeconds(), u.testClasses()))
                    .toList(), settings.failFast()));
            Limits.Kind breach;
            Ending.Kind kind;
            try (Watchdog watchdog = new Watchdog(settings.limits(), jvm.process().toHandle(), scratch, jvm::printed, jvm::end)) {
                kind = read(c);
                watchdog.close();
                breach = watchdog.finalCheck();
            }
            ending = breach != null ? ended(Ending.Kind.LIMIT, breach) : ended(kind, signalled);
        }
    }

    /** Reads until the runner says it is done, or nothing more comes; how the JVM ended, as far as its words tell. */
    private Ending.Kind read(Connection c) throws InterruptedException {
        boolean late = false;
        while (true) {
            Optional<Message> next = c.next(100);
            if (next == null) {
                if (!late && System.nanoTime() >= deadline) {
                    late = true;
                    jvm.end(); // its channel ends with it
                }
                continue;
            }
            if (next.isEmpty()) {
                return late ? Ending.Kind.DEADLINE : signalled != null ? Ending.Kind.LIMIT : Ending.Kind.EXITED;
            }
            Message m = next.get();
            if (m instanceof Message.Begin b) {
                states.put(b.exercise(), State.BEGUN);
            } else if (m instanceof Message.Result r) {
                results.computeIfAbsent(r.exercise(), e -> new ArrayList<>()).add(r);
            } else if (m instanceof Message.End e) {
                states.put(e.exercise(), State.ENDED);
            } else if (m instanceof Message.Limit l) {
                signalled = limit(l.kind());
            } else if (m instanceof Message.Done d) {
                return d.rest() ? Ending.Kind.STOPPED_AFTER_HANG : Ending.Kind.DONE;
            }
        }
    }

    private static Limits.Kind limit(String name) {
        try {
            return Limits.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The ending, with the JVM's exit status and what it printed; an exit status that means a limit is that limit. */
    private Ending ended(Ending.Kind kind, Limits.Kind limit) throws InterruptedException {
        Process p = jvm.process();
        p.waitFor(2, TimeUnit.SECONDS);
        int status = p.isAlive() ? -1 : p.exitValue();
        if (kind == Ending.Kind.EXITED && limit == null) {
            limit = switch (status) {
                case 128 + 24 -> Limits.Kind.CPU; // SIGXCPU
                case 128 + 25 -> Limits.Kind.FILE; // SIGXFSZ
                case grade.testjvm.seal.Main.OUT_OF_MEMORY -> Limits.Kind.HEAP;
                default -> null;
            };
            kind = limit != null ? Ending.Kind.LIMIT : kind;
        }
        return new Ending(kind, limit, status, deadlineSeconds, jvm.output());
    }
}
