package grade.testjvm.seal;

import grade.kit.LearnerProgram;
import grade.protocol.Launch;
import grade.protocol.Message;
import grade.testjvm.Runner;
import grade.testjvm.Warmup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Main class of the forked test JVM. It runs in a named module whose package is open to nobody,
 * so learner code in this JVM cannot reach the run's key or the channel by reflection.
 *
 * <p>It reads its {@link Launch} from stdin before any learner class is loaded, connects to the
 * grader, says hello, and waits for its {@link Message.Work}. For each exercise it runs the hidden
 * test classes through the JUnit Platform Launcher and signs a result per test; last it says
 * {@link Message.Done} and halts. A JVM that ends any other way (killed, halted, exited, crashed)
 * has said nothing for the tests it did not report, and they earn nothing.
 */
public final class Main {
    /** Exit status when learner code hit a limit this JVM holds itself. */
    public static final int STOPPED = 4;
    /** Exit status when learner code filled the heap so that the run could not go on. */
    public static final int OUT_OF_MEMORY = 5;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream realErr = System.err;
        int status = 0;
        try {
            Launch launch = Launch.parse(firstLine(System.in));
            Link link = Link.open(launch);
            Runner runner = Runner.install(limit -> stop(link, limit));
            Launcher launcher = launcher();
            if (launch.warm()) {
                warmUp(launcher);
            }
            if (!(link.receive() instanceof Message.Work work)) {
                throw new IllegalStateException("the grader sent no work");
            }
            List<Message.Unit> units = work.units();
            for (int i = 0; i < units.size(); i++) {
                Message.Unit u = units.get(i);
                link.send(new Message.Begin(u.exercise()));
                runner.beginExercise(u.timeoutSeconds(), work.failFast());
                try {
                    run(launcher, u.testClasses(), new Listener(link, u.exercise(), runner));
                } catch (OutOfMemoryError e) {
                    if (String.valueOf(e.getMessage()).contains("native thread")) {
                        stop(link, "TASKS"); // no thread could be started any more: too many for the run's limits
                    }
                    throw e;
                }
                link.send(new Message.End(u.exercise()));
                if (runner.hung() && i < units.size() - 1) {
                    link.send(new Message.Done(true)); // learner threads may still be busy: the rest wants a fresh JVM
                    return;
                }
            }
            link.send(new Message.Done(false));
        } catch (OutOfMemoryError e) {
            status = OUT_OF_MEMORY; // learner code filled the heap: too little is left to report anything more
        } catch (Throwable t) {
            realErr.println("grade test runner failed: " + t);
            t.printStackTrace(realErr);
            status = 3;
        } finally {
            LearnerProgram.destroyAll();
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(status);
        }
    }

    /** Ends the run at once: learner code hit a limit this JVM holds. */
    private static void stop(Link link, String limit) {
        try {
            link.send(new Message.Limit(limit));
        } finally {
            LearnerProgram.destroyAll();
            Runtime.getRuntime().halt(STOPPED);
        }
    }

    /** The launch line, read byte by byte so that nothing after it is taken from stdin. */
    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /**
     * A launcher with Jupiter alone and no listener or filter found on the class path: nothing to
     * look for at start-up, and nothing on the class path can join the run.
     */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestEngines(new org.junit.jupiter.engine.JupiterTestEngine())
                .build());
    }

    /** Runs the warm-up tests with nobody listening, so that the real run finds its classes loaded. */
    private static void warmUp(Launcher launcher) {
        try {
            run(launcher, List.of(Warmup.class.getName()), new TestExecutionListener() { });
        } catch (RuntimeException e) {
            // a warm-up only
        }
    }

    private static void run(Launcher launcher, List<String> classes, TestExecutionListener listener) {
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).toList())
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.include", "grade.testjvm.Budget")
                // pruning reads every failure's stack trace on JUnit's own thread: a learner throwable may loop there
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false")
                .configurationParameter("junit.jupiter.testmethod.order.default", "grade.hidden.SourceOrder")
                .build(), listener);
    }
}
