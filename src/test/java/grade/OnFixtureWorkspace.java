package grade;

import grade.course.Catalogue;
import grade.course.Course;
import grade.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that grades, in this JVM, a workspace of the fixture course, compiling into {@code cache}. */
abstract class OnFixtureWorkspace {
    @TempDir
    Path home;
    @TempDir
    Path cache;
    Course course;
    Workspace workspace;

    @BeforeEach
    void fixtureWorkspace() throws Exception {
        Fixtures.course(home);
        course = Catalogue.load(home);
        workspace = Workspace.init(home.resolve("ws"), course).workspace();
    }
}
