package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `grade export github`: the workflow's structure, and an existing workflow is never lost. */
class ExportGithubTest {
    @TempDir
    Path home;
    @TempDir
    Path repo;
    Path workflow;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.course(home);
        Files.writeString(repo.resolve("grade"), "#!/bin/sh\n");
        workflow = repo.resolve(".github/workflows/grade.yml");
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object yaml, Object... path) {
        Object cur = yaml;
        for (Object p : path) {
            cur = p instanceof Integer i ? ((List<Object>) cur).get(i) : ((Map<String, Object>) cur).get(p);
            if (cur == null) {
                throw new AssertionError("no " + List.of(path) + " in the workflow");
            }
        }
        return (T) cur;
    }

    /** The grading step of {@code day}, checked against the reporter step that reads it. */
    static Map<String, Object> gradingStep(String text, String day) {
        Object y = Yaml.parse(text);
        assertEquals("Autograding Tests", at(y, "name"));
        List<Object> on = at(y, "on");
        assertTrue(on.contains("push"), on.toString());
        assertEquals("write", at(y, "permissions", "checks"));
        Map<String, Object> job = at(y, "jobs", "run-autograding-tests");
        assertEquals("Autograding Tests", job.get("name"), "the reporter looks for the check run by this name");
        List<Map<String, Object>> steps = at(job, "steps");
        Map<String, Object> setupJava = steps.stream().filter(s -> "actions/setup-java@v5".equals(s.get("uses"))).findFirst().orElseThrow();
        assertEquals("17", at(setupJava, "with", "java-version"));
        assertTrue(steps.stream().anyMatch(s -> "actions/checkout@v5".equals(s.get("uses"))), steps.toString());
        String id = "grade" + day;
        Map<String, Object> grading = steps.stream().filter(s -> id.equals(s.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + id));
        assertTrue(((String) grading.get("run")).contains("sh ./grade " + day + " --no-color --format classroom --output"), grading.toString());
        Map<String, Object> reporter = steps.get(steps.size() - 1);
        assertEquals("classroom-resources/autograding-grading-reporter@v1", reporter.get("uses"));
        String runnersInput = at(reporter, "with", "runners");
        assertTrue(runnersInput.matches("([a-zA-Z0-9]+,)*[a-zA-Z0-9]+"), "the reporter accepts runner ids of letters and digits only: " + runnersInput);
        List<String> runners = List.of(runnersInput.split(","));
        assertTrue(runners.contains(id), runners.toString());
        for (String r : runners) {
            assertEquals("${{ steps." + r + ".outputs.result }}", at(reporter, "env", r.toUpperCase(java.util.Locale.ROOT) + "_RESULTS"),
                    "the reporter reads " + r + "'s result from <ID>_RESULTS");
        }
        return grading;
    }

    @Test
    void theWorkflowGradesEachDayAndReportsToTheClassroom() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, repo, "export", "github");
        assertEquals(0, r.exit(), r.out() + r.err());
        String text = Files.readString(workflow);
        gradingStep(text, "day90");
        assertTrue(text.contains("\"max_score\":20"), "the fixture day is worth 20 points, also when grade breaks:\n" + text);
        assertTrue(text.contains("set +e"), "GitHub runs steps with bash -e; a failed grade must still report");
        assertThrows(IllegalArgumentException.class, () -> Yaml.parse(text.replace("    steps:", "   steps:")),
                "the YAML check is strict enough to catch a bad indentation");
    }

    @Test
    void anExistingWorkflowIsNeverLost() throws Exception {
        assertEquals(0, Fixtures.grade(home, repo, "export", "github", repo.toString()).exit());
        String ours = Files.readString(workflow);
        Fixtures.Run again = Fixtures.grade(home, repo, "export", "github", repo.toString());
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("already up to date"), again.out());

        String mine = ours.replace("timeout-minutes: 30", "timeout-minutes: 45");
        Files.writeString(workflow, mine);
        Fixtures.Run refused = Fixtures.grade(home, repo, "export", "github", repo.toString());
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("exists and differs") && refused.err().contains("--force"), refused.err());
        assertEquals(mine, Files.readString(workflow), "a refused export leaves the file as it was");

        Fixtures.Run forced = Fixtures.grade(home, repo, "export", "github", repo.toString(), "--force");
        assertEquals(0, forced.exit(), forced.out() + forced.err());
        assertEquals(ours, Files.readString(workflow));
        assertEquals(mine, Files.readString(workflow.resolveSibling("grade.yml.bak")));

        Files.writeString(workflow, mine + "# twice\n");
        assertEquals(0, Fixtures.grade(home, repo, "export", "github", repo.toString(), "--force").exit());
        assertEquals(mine, Files.readString(workflow.resolveSibling("grade.yml.bak")), "a backup never replaces another");
        assertEquals(mine + "# twice\n", Files.readString(workflow.resolveSibling("grade.yml.bak2")));
    }

    @Test
    void aFolderWithoutTheGraderIsRefusedWithTheWayToMakeOne() throws Exception {
        Files.delete(repo.resolve("grade"));
        Fixtures.Run r = Fixtures.grade(home, repo, "export", "github", repo.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no grade launcher") && r.err().contains("grade dist"), r.err());
        assertFalse(Files.exists(workflow));
        Fixtures.Run day = Fixtures.grade(home, repo, "export", "github", "--day", "day91");
        assertEquals(2, day.exit());
    }
}
