package grade.cli;

import grade.report.OutputFile;
import grade.terminal.Console;
import grade.course.Day;
import grade.course.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "github", mixinStandardHelpOptions = true, description = {"Write a GitHub Actions workflow that grades every push (for instructors).",
    "Writes .github/workflows/grade.yml into DIR, a student repository made from the",
    "learners' bundle (grade dist). On push it sets up Java 17, grades each day and",
    "reports the points to GitHub Classroom (its autograding reporter), in the job",
    "summary and in the job's status. A different existing workflow is kept: grade",
    "refuses, or with --force first moves it to grade.yml.bak."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./grade export github ../student-repo", "  ./grade export github . --day day03 --day day04"})
final class ExportGithubCommand implements Callable<Integer> {
    static final String WORKFLOW = ".github/workflows/grade.yml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The student repository (default: the current folder).")
    Path dir;

    @Option(names = "--day", paramLabel = "DAY", description = "Grade only this day (repeat it for several; default: every day).")
    List<String> days = new ArrayList<>();

    @Option(names = "--force", description = "Replace a different existing workflow, after moving it to grade.yml.bak.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        CommonOptions common = new CommonOptions();
        Context ctx = new Context(common);
        Path repo = (dir != null ? dir : common.cwd()).toAbsolutePath().normalize();
        if (!Files.isDirectory(repo)) {
            throw new UserError(repo + " is not a folder: give the student repository's folder, such as ./grade export github ../student-repo");
        }
        if (!Files.isRegularFile(repo.resolve("grade"))) {
            throw new UserError(repo + " holds no grade launcher, so a workflow there could not grade: make the student repository from the"
                    + " learners' bundle (./grade dist), then run ./grade export github on it");
        }
        List<Day> chosen = new ArrayList<>();
        if (days.isEmpty()) {
            chosen.addAll(ctx.course.days());
        } else {
            days.forEach(d -> chosen.add(ctx.day(d)));
        }
        String text = workflow(chosen);
        Path target = repo.resolve(WORKFLOW);
        if (Files.exists(target)) {
            if (Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
                Console.out().println(target + " is already up to date.");
                return 0;
            }
            if (!force) {
                throw new UserError(target + " exists and differs from the workflow grade writes; it is left as it is."
                        + " Run again with --force to replace it (the old one is first moved to grade.yml.bak)");
            }
            Path backup = backup(target);
            Files.move(target, backup);
            Console.out().println("Moved the old workflow to " + backup);
        }
        OutputFile.write(target, text);
        Console.out().println("Wrote " + target);
        Console.out().println("Commit it (and the bundle's target/ with the grader) and push: every push is graded on GitHub's machines.");
        return 0;
    }

    /** grade.yml.bak, or grade.yml.bak2, .bak3... when that exists: a backup never replaces another. */
    private static Path backup(Path target) {
        Path b = target.resolveSibling(target.getFileName() + ".bak");
        for (int n = 2; Files.exists(b); n++) {
            b = target.resolveSibling(target.getFileName() + ".bak" + n);
        }
        return b;
    }

    /**
     * The workflow: one grading step per day (one runner each for the reporter), then the
     * reporter. A runner's id is letters and digits only ({@code gradeday03}), as the reporter
     * checks its {@code runners} input; the actions are at the major versions that run on
     * GitHub's current runners.
     */
    static String workflow(List<Day> days) {
        StringBuilder y = new StringBuilder();
        y.append("""
                # Grades every push with grade and reports the points to GitHub Classroom.
                # Written by `grade export github`; the course's README explains it.
                name: Autograding Tests
                'on':
                  - push
                  - workflow_dispatch
                  - repository_dispatch
                permissions:
                  checks: write
                  actions: read
                  contents: read
                jobs:
                  run-autograding-tests:
                    name: Autograding Tests
                    runs-on: ubuntu-latest
                    if: github.actor != 'github-classroom[bot]'
                    timeout-minutes: 30
                    steps:
                      - name: Check out the submission
                        uses: actions/checkout@v5
                      - name: Set up Java 17
                        uses: actions/setup-java@v5
                        with:
                          distribution: temurin
                          java-version: '17'
                """);
        List<String> ids = new ArrayList<>();
        for (Day d : days) {
            String id = runner(d);
            ids.add(id);
            int max = d.exercises().stream().mapToInt(Exercise::points).sum();
            y.append("      - name: Grade ").append(d.id()).append('\n');
            y.append("        id: ").append(id).append('\n');
            y.append("        shell: bash\n");
            y.append("        run: |\n");
            for (String line : step(d.id(), max).split("\n")) {
                y.append(line.isEmpty() ? "" : "          " + line).append('\n');
            }
        }
        y.append("      - name: Report the points\n");
        y.append("        uses: classroom-resources/autograding-grading-reporter@v1\n");
        y.append("        env:\n");
        for (String id : ids) {
            y.append("          ").append(id.toUpperCase(Locale.ROOT)).append("_RESULTS: \"${{ steps.").append(id).append(".outputs.result }}\"\n");
        }
        y.append("        with:\n");
        y.append("          runners: ").append(String.join(",", ids)).append('\n');
        return y.toString();
    }

    /** The reporter's runner id of a day's grading step: letters and digits only. */
    static String runner(Day d) {
        return "grade" + d.id().replaceAll("[^A-Za-z0-9]", "");
    }

    /**
     * One day's grading step: the classroom result as the step's output, whatever happens, and
     * the points in the job summary (their sum rounded to hundredths, as they are, so that the
     * summary shows no floating-point noise). It ends well even when the day fails (GitHub runs it with
     * bash -e), since the reporter after it fails the job on a failed or broken grade.
     */
    private static String step(String day, int max) {
        return """
                set +e
                out="$RUNNER_TEMP/grade-%1$s.json"
                sh ./grade %1$s --no-color --format classroom --output "$out"
                code=$?
                if [ ! -s "$out" ]; then
                  printf '{"version":1,"status":"error","max_score":%2$d,"tests":[{"name":"%1$s","status":"error","score":0,"message":"grade could not grade %1$s (exit status %%s): see the log of this step"}]}' "$code" > "$out"
                fi
                echo "result=$(base64 -w 0 < "$out")" >> "$GITHUB_OUTPUT"
                if command -v jq > /dev/null; then
                  {
                    echo "### %1$s: $(jq '[.tests[].score] | add // 0 | . * 100 | round / 100' "$out")/%2$d points"
                    echo
                    echo "| exercise | status | points |"
                    echo "| --- | --- | --- |"
                    jq -r '.tests[] | "| \\(.name) | \\(.status) | \\(.score) |"' "$out"
                  } >> "$GITHUB_STEP_SUMMARY"
                fi
                exit 0
                """.formatted(day, max);
    }
}
