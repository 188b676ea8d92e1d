package grade.testjvm;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Zh;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a hidden test of the course: the warm-up run that makes the test JVM's class data sharing
 * archive (see {@code grade.engine.ClassDataArchive}) runs these, so that the classes every grading
 * run needs (the launcher, Jupiter's engine, the kit, the ways a test fails) are in the archive.
 */
@DisplayName("warm-up")
public class Warmup {
    @Test
    @DisplayName("a test that passes, with a temporary folder")
    @Zh("一个能通过的测试，带临时目录")
    void passes(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "hello\n");
        Expect.sameText("the file", "hello\n", Files.readString(f));
    }

    @Test
    @DisplayName("a test whose text differs")
    @Zh("一个文本不同的测试")
    void differs() {
        Expect.sameText("the text", "one\ntwo\n", "one\nTwo \n");
    }

    @Test
    @DisplayName("a learner class that is missing")
    @Zh("一个缺少学习者类的测试")
    void missing() {
        LearnerClass.of("grade.testjvm.NoSuchLearnerClass").staticMethod(void.class, "run").call();
    }

    @Test
    @DisplayName("a test that throws")
    @Zh("一个抛出异常的测试")
    void throwsSomething() {
        throw new IllegalStateException("warm-up");
    }
}
