package grade.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * JUnit XML (the format Maven Surefire and CI servers read), written by the JUnit Platform's own
 * reporting module: the grade is replayed to its {@link LegacyXmlReportGeneratingListener} as a
 * test plan with one container per exercise. An exercise that could not be run is one failed
 * test ({@link ExerciseResult#standIn}) carrying its compile errors or missing files.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    private static final class Node extends AbstractTestDescriptor {
        private final Type type;

        Node(UniqueId id, String name, Type type) {
            super(id, name);
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }

    public static String write(GradeReport report) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("grade-junit");
            EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("grade"), "grade");
            for (ExerciseResult e : report.exercises()) {
                Node exercise = new Node(engine.getUniqueId().append("exercise", e.exercise().id()), e.exercise().id(),
                        TestDescriptor.Type.CONTAINER);
                engine.addChild(exercise);
                List<TestResult> tests = e.testsOrStandIn();
                int n = 0;
                for (TestResult t : tests) {
                    exercise.addChild(new Node(exercise.getUniqueId().append("test", String.valueOf(n++)), t.name(),
                            TestDescriptor.Type.TEST));
                }
            }
            Path root = dir;
            TestPlan plan = TestPlan.from(true, List.of(engine), NO_PARAMETERS, new OutputDirectoryCreator() {
                @Override
                public Path getRootDirectory() {
                    return root;
                }

                @Override
                public Path createOutputDirectory(TestDescriptor d) {
                    return root;
                }
            });
            LegacyXmlReportGeneratingListener xml = new LegacyXmlReportGeneratingListener(dir, new PrintWriter(new StringWriter()));
            xml.testPlanExecutionStarted(plan);
            TestIdentifier engineId = plan.getTestIdentifier(engine.getUniqueId());
            xml.executionStarted(engineId);
            int i = 0;
            for (TestDescriptor exercise : engine.getChildren()) {
                ExerciseResult e = report.exercises().get(i++);
                TestIdentifier exId = plan.getTestIdentifier(exercise.getUniqueId());
                xml.executionStarted(exId);
                List<TestResult> tests = e.testsOrStandIn();
                int j = 0;
                for (TestDescriptor test : exercise.getChildren()) {
                    TestResult t = tests.get(j++);
                    TestIdentifier id = plan.getTestIdentifier(test.getUniqueId());
                    xml.executionStarted(id);
                    if (!t.output().isEmpty()) {
                        xml.reportingEntryPublished(id, org.junit.platform.engine.reporting.ReportEntry.from("stdout", t.output()));
                    }
                    xml.executionFinished(id, switch (t.status()) {
                        case PASS -> TestExecutionResult.successful();
                        case FAIL -> TestExecutionResult.failed(new Failure(t.message()));
                        case ERROR -> TestExecutionResult.failed(new IllegalStateException(t.message()));
                    });
                }
                xml.executionFinished(exId, TestExecutionResult.successful());
            }
            xml.executionFinished(engineId, TestExecutionResult.successful());
            xml.testPlanExecutionFinished(plan);
            try (Stream<Path> files = Files.list(dir)) {
                Path file = files.filter(p -> p.getFileName().toString().endsWith(".xml")).findFirst()
                        .orElseThrow(() -> new IOException("the JUnit XML writer wrote no file"));
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                org.apache.commons.io.FileUtils.deleteQuietly(dir.toFile());
            }
        }
    }

    /** A failed test's message, without a stack trace of the grader's own. */
    private static final class Failure extends AssertionError {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
            setStackTrace(new StackTraceElement[0]);
        }
    }

    private static final ConfigurationParameters NO_PARAMETERS = new ConfigurationParameters() {
        @Override
        public Optional<String> get(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> getBoolean(String key) {
            return Optional.empty();
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public Set<String> keySet() {
            return Set.of();
        }
    };
}
