package grade;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that runs the grader on the fixture course in {@code home}, from the folder {@code elsewhere}. */
abstract class OnFixtureCourse {
    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    @BeforeEach
    void fixtureCourse() throws Exception {
        Fixtures.course(home);
    }
}
