package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: a real JVM, real files, exit codes and messages. */
class CommandLineTest extends OnFixtureCourse {

    /** The grader's own frames and exception classes never reach the user (frames of the learner's code may). */
    private static void noStackTrace(Fixtures.Run r) {
        String all = r.out() + r.err();
        boolean frames = all.lines().anyMatch(l -> l.matches("\\s+at (java|jdk|sun|grade|org|com|picocli)\\.[\\w.$]+\\(.*\\)"));
        boolean types = all.matches("(?s).*\\b(java|javax|com|org|sun)\\.[\\w.]+(Exception|Error)\\b.*");
        assertFalse(frames || types, "a stack trace or an exception's class reached the user:\n" + all);
    }

    @Test
    void firstGradeCreatesTheDefaultWorkspaceAndSaysWhere() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "--no-color");
        assertEquals(1, r.exit(), r.out() + r.err());
        Path ws = home.resolve("homework");
        assertTrue(Files.isRegularFile(ws.resolve("day90/Sum.java")));
        assertTrue(r.out().contains("Created your workspace at " + ws.toRealPath()), r.out());
        assertTrue(r.out().contains("✘ day90/sum"), r.out());
        assertTrue(r.out().contains("not written yet"), r.out());
        assertTrue(r.out().contains("./grade hint day90 sum"), r.out());
        noStackTrace(r);
    }

    @Test
    void workspaceIsFoundFromTheCurrentFolderUpward() throws Exception {
        Path ws = elsewhere.resolve("mine");
        assertEquals(0, Fixtures.grade(home, elsewhere, "init", ws.toString()).exit());
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        Path deep = Files.createDirectories(ws.resolve("day90/notes"));
        Fixtures.Run r = Fixtures.grade(home, deep, "day90", "sum", "--no-color");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("workspace " + ws.toRealPath()), r.out());
        assertFalse(Files.exists(home.resolve("homework")), "no default workspace may be made when one was found");
    }

    @Test
    void initNeverOverwritesAndOnlyAddsMissingFiles() throws Exception {
        Path ws = elsewhere.resolve("ws");
        assertEquals(0, Fixtures.grade(home, elsewhere, "init", ws.toString()).exit());
        Files.writeString(ws.resolve("day90/Sum.java"), "my work");
        Files.delete(ws.resolve("day90/Hello.java"));
        Fixtures.Run again = Fixtures.grade(home, elsewhere, "init", ws.toString());
        assertEquals(0, again.exit());
        assertEquals("my work", Files.readString(ws.resolve("day90/Sum.java")));
        assertTrue(Files.exists(ws.resolve("day90/Hello.java")));
        assertTrue(again.out().contains("already exists") && again.out().contains("day90/Hello.java"), again.out());
    }

    @Test
    void missingWorkspaceIsAClearUsageError() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "-w", elsewhere.resolve("nope").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("there is no workspace at") && r.err().contains("grade init"), r.err());
        noStackTrace(r);
    }

    @Test
    void corruptStateFileIsSetAsideAndRebuilt() throws Exception {
        Path ws = elsewhere.resolve("ws");
        Fixtures.grade(home, elsewhere, "init", ws.toString());
        Files.writeString(ws.resolve(".grade/state.json"), "{ this is not json");
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "sum", "-w", ws.toString(), "--no-color");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("could not be read") && r.err().contains("rebuilt"), r.err());
        try (Stream<Path> s = Files.list(ws.resolve(".grade"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("state.json.corrupt-")), "the corrupt file is kept");
        }
        String state = Files.readString(ws.resolve(".grade/state.json"));
        assertTrue(state.contains("\"day90/sum\"") && state.contains("\"attempts\": 1"), state);
        noStackTrace(r);
    }

    @Test
    void unknownDayOrExerciseSuggestsTheClosestNames() throws Exception {
        Fixtures.Run day = Fixtures.grade(home, elsewhere, "day91");
        assertEquals(2, day.exit());
        assertTrue(day.err().contains("Did you mean day90?"), day.err());
        Fixtures.Run ex = Fixtures.grade(home, elsewhere, "day90", "summ");
        assertEquals(2, ex.exit());
        assertTrue(ex.err().contains("Did you mean sum?"), ex.err());
        noStackTrace(ex);
    }

    @Test
    void onlyShowingAStatementLoadsTheMarkdownParser() throws Exception {
        Path ws = elsewhere.resolve("ws");
        assertEquals(0, Fixtures.grade(home, elsewhere, "init", ws.toString()).exit());
        Fixtures.Run first = Fixtures.grade(home, elsewhere, "day90", "sum", "-w", ws.toString(), "--no-color");
        assertTrue(first.out().contains("Write day90/Sum.java."), "the first grade of a day shows its statements:\n" + first.out());
        String again = loggingClassLoads("day90", "sum", "-w", ws.toString(), "--no-color");
        assertFalse(again.contains("Write day90/Sum.java."), again);
        assertTrue(again.contains("day90/sum") && again.contains("grade.cli.GradeCommand"), again);
        assertFalse(again.contains("org.commonmark"), "a grade of a day already shown loads no Markdown parser");
        assertTrue(loggingClassLoads("show", "day90", "sum").contains("org.commonmark.parser.Parser "));
    }

    /** What the grader prints, with the JVM's log of each class it loads. */
    private String loggingClassLoads(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xlog:class+load=info:stdout",
                "-Dgrade.home=" + home, "-cp", System.getProperty("java.class.path"), "grade.cli.Main"));
        command.addAll(java.util.List.of(args));
        return Fixtures.runLogged(elsewhere, java.time.Duration.ofSeconds(120), java.util.Map.of(), command);
    }

    @Test
    void jsonFormatHasTheDocumentedFields() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "--solutions", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(1, o.get("version").getAsInt());
        assertEquals("pass", o.get("status").getAsString());
        assertEquals(20.0, o.get("score").getAsDouble());
        assertEquals(20, o.get("max_score").getAsInt());
        JsonArray exercises = o.getAsJsonArray("exercises");
        assertEquals(2, exercises.size());
        JsonObject sum = exercises.get(0).getAsJsonObject();
        assertEquals("day90/sum", sum.get("id").getAsString());
        assertEquals("pass", sum.get("status").getAsString());
        assertTrue(sum.has("message"));
        JsonObject test = sum.getAsJsonArray("tests").get(0).getAsJsonObject();
        for (String key : new String[] {"name", "status", "message", "output"}) {
            assertTrue(test.has(key), "tests[] has " + key);
        }
        assertEquals("add(2, 3) is 5", test.get("name").getAsString());
    }

    @Test
    void compileErrorInJsonIsAnErrorStatus() throws Exception {
        Path ws = elsewhere.resolve("ws");
        Fixtures.grade(home, elsewhere, "init", ws.toString());
        Files.writeString(ws.resolve("day90/Sum.java"), "package day90; public class Sum { int x = }");
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "sum", "-w", ws.toString(), "--format", "json");
        assertEquals(1, r.exit());
        JsonObject sum = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("exercises").get(0).getAsJsonObject();
        assertEquals("error", sum.get("status").getAsString());
        assertTrue(sum.get("message").getAsString().contains("day90/Sum.java:1:"), sum.toString());
    }

    @Test
    void plainOutputCarriesNoEscapeCodes() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "day90", "sum");
        assertFalse(r.out().contains("\u001b["), "output to a file must carry no escape codes");
    }

    @Test
    void brokenCourseDefinitionNamesTheFileAndTheFix() throws Exception {
        Path meta = home.resolve("exercises/day90/sum/exercise.json");
        Files.writeString(meta, Files.readString(meta).replace("\"points\"", "\"point\"").replace("\"first\"", "\"\""));
        Files.delete(home.resolve("exercises/day90/hello/README.zh.md"));
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "list");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exercises/day90/sum/exercise.json: unknown key \"point\"; did you mean \"points\"?"), r.err());
        assertTrue(r.err().contains("exercises/day90/sum/exercise.json: hint 1 is empty in English"), r.err());
        assertTrue(r.err().contains("exercises/day90/hello/README.zh.md: the statement is missing"), r.err());
        noStackTrace(r);
    }

    @Test
    void duplicateIdsAndMissingStartersAreReported() throws Exception {
        Path meta = home.resolve("exercises/day90/hello/exercise.json");
        Files.writeString(meta, Files.readString(meta).replace("\"day90/hello\"", "\"day90/sum\""));
        Files.delete(home.resolve("exercises/day90/sum/starter/day90/Sum.java"));
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "list");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exercises/day90/sum/starter/day90/Sum.java: the starter file is missing"), r.err());
        assertTrue(r.err().contains("\"id\" is \"day90/sum\" but the folder says \"day90/hello\""), r.err());
    }

    @Test
    void hintsComeOneAtATime() throws Exception {
        Path ws = elsewhere.resolve("ws");
        Fixtures.grade(home, elsewhere, "init", ws.toString());
        Fixtures.Run first = Fixtures.grade(home, elsewhere, "hint", "day90", "sum", "-w", ws.toString(), "--lang", "en");
        assertTrue(first.out().contains("Hint 1/2: first") && !first.out().contains("second"), first.out());
        Fixtures.Run second = Fixtures.grade(home, elsewhere, "hint", "day90", "sum", "-w", ws.toString(), "--lang", "zh");
        assertTrue(second.out().contains("提示 2/2：第二"), second.out());
    }

    /** A known-wrong solution of day90/sum: the reference with one line changed, as `diff -u` writes it. */
    private static String sumDiff(String header, String range, String was, String now) {
        return header + "\n--- a/day90/Sum.java\n+++ b/day90/Sum.java\n@@ " + range + " @@\n \n public class Sum {\n"
                + "     public static int add(int a, int b) {\n-" + was + "\n+" + now + "\n     }\n }\n";
    }

    @Test
    void verifyProvesSolutionsPassAndStartersFail() throws Exception {
        Fixtures.Run ok = Fixtures.grade(home, elsewhere, "verify", "--no-color");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(ok.out().contains("8 passed, 0 failed"), ok.out());
        Path wrong = home.resolve("solutions/day90/sum/wrong");
        Fixtures.write(wrong.resolve("subtracts.diff"), sumDiff("# Known wrong: subtracts.", "-2,6 +2,6",
                "        return a + b;", "        return a - b;"));
        // its line numbers are 2 off, as after lines were added above the hunk: found nearby, as patch(1) finds it
        Fixtures.write(wrong.resolve("multiplies.diff"), sumDiff("# Known wrong: multiplies.", "-4,6 +4,6",
                "        return a + b;", "        return a * b;"));
        // a rewrite kept whole, in a folder; the files it leaves out come from the reference solution
        Fixtures.write(wrong.resolve("just-right/day90/Sum.java"), "// Known wrong: but it is right.\n" + Fixtures.SUM_OK);
        Fixtures.write(wrong.resolve("made-before-a-change.diff"), sumDiff("# Known wrong: subtracts, from an older reference.",
                "-2,6 +2,6", "        return b + a;", "        return b - a;"));
        Fixtures.write(wrong.resolve("headless.diff"), sumDiff("", "-2,6 +2,6", "        return a + b;", "        return 0;").substring(1));
        Fixtures.Run bad = Fixtures.grade(home, elsewhere, "verify", "--no-color");
        assertEquals(1, bad.exit(), bad.out());
        assertTrue(bad.out().contains("the wrong solution \"just-right\" fails"), bad.out());
        assertTrue(bad.out().contains("Known wrong: but it is right.\n") && bad.out().contains("it passes every test"), bad.out());
        assertTrue(bad.out().contains("the wrong solution \"made-before-a-change\" fails"), bad.out());
        assertTrue(bad.out().contains("solutions/day90/sum/wrong/made-before-a-change.diff no longer applies to the reference solution: "
                + "hunk 1 (near line 2 of day90/Sum.java) does not match; make the diff again against the reference"), bad.out());
        assertTrue(bad.out().contains("solutions/day90/sum/wrong/headless.diff must start with a line \"# Known wrong: ...\""), bad.out());
        assertFalse(bad.out().contains("\"subtracts\"") || bad.out().contains("\"multiplies\""), "both are caught:\n" + bad.out());
        assertTrue(bad.out().contains("10 passed, 3 failed"), bad.out());
        noStackTrace(bad);
    }

    /** The status of one check in verify's JSON, or "missing". */
    private static String checkStatus(String json, String exercise, String check) {
        for (var e : JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("exercises")) {
            for (var c : e.getAsJsonObject().getAsJsonArray("checks")) {
                if (e.getAsJsonObject().get("id").getAsString().equals(exercise) && c.getAsJsonObject().get("name").getAsString().equals(check)) {
                    return c.getAsJsonObject().get("status").getAsString();
                }
            }
        }
        return "missing";
    }

    @Test
    void verifyReadsDiffsWhateverThePlatformCharset() throws Exception {
        // Chinese in the hunk's context: read in the platform's charset (US-ASCII here), it would not match
        Fixtures.write(home.resolve("solutions/day90/hello/day90/Hello.java"),
                Fixtures.HELLO_OK.replace("        System.out", "        // 你好\n        System.out"));
        Fixtures.write(home.resolve("solutions/day90/hello/wrong/greets-in-chinese.diff"), """
                # Known wrong: greets in Chinese.
                --- a/day90/Hello.java
                +++ b/day90/Hello.java
                @@ -3,6 +3,6 @@
                 public class Hello {
                     public static void main(String[] args) {
                         // 你好
                -        System.out.println("hello " + args[0]);
                +        System.out.println("你好 " + args[0]);
                     }
                 }
                """);
        Fixtures.Run r = Fixtures.grade(home, elsewhere, List.of("-Dfile.encoding=US-ASCII"), List.of(), "verify", "day90", "--format", "json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("pass", checkStatus(r.out(), "day90/hello", "the wrong solution \"greets-in-chinese\" fails"), r.out());
    }

    @Test
    void newScaffoldsAnExerciseThatTheCatalogueAcceptsAndThatVerifyPasses() throws Exception {
        Files.createDirectories(home.resolve("grader"));
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "new", "day90", "word-count");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.isRegularFile(home.resolve("exercises/day90/word-count/starter/day90/WordCount.java")));
        Path diff = home.resolve("solutions/day90/word-count/wrong/off-by-one.diff");
        assertTrue(Files.readString(diff).startsWith("# Known wrong: the answer is off by one.\n--- a/day90/WordCount.java\n"
                + "+++ b/day90/WordCount.java\n@@ "), Files.readString(diff));
        // patch(1) applies it to a copy of the reference solution, as the README says
        Path copy = Files.createDirectories(elsewhere.resolve("copy/day90"));
        Files.copy(home.resolve("solutions/day90/word-count/day90/WordCount.java"), copy.resolve("WordCount.java"));
        String patched = Fixtures.runLogged(copy.getParent(), java.time.Duration.ofSeconds(30), java.util.Map.of(),
                List.of("sh", "-c", "patch -p1 < \"$0\"", diff.toString()));
        assertTrue(patched.startsWith("0\n") && Files.readString(copy.resolve("WordCount.java")).contains("return 41;"), patched);
        Path test = home.resolve("grader/day90/WordCountTest.java");
        assertTrue(Files.isRegularFile(test));
        Fixtures.Run list = Fixtures.grade(home, elsewhere, "list");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("day90/word-count"), list.out());
        // the hidden tests are compiled into the grader: here, onto its class path
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(elsewhere.resolve("classes"));
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), test.toString()));
        Fixtures.Run verify = Fixtures.grade(home, elsewhere, List.of(), List.of(classes), "verify", "day90", "--format", "json");
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertEquals("pass", checkStatus(verify.out(), "day90/word-count", "the wrong solution \"off-by-one\" fails"), verify.out());
        Fixtures.Run again = Fixtures.grade(home, elsewhere, "new", "day90", "word-count");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already exists"), again.err());
    }

    @Test
    void helpListsTheCommandsWithExamples() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"init", "show", "list", "hint", "verify", "Examples:"}) {
            assertTrue(r.out().contains(c), "help mentions " + c + ":\n" + r.out());
        }
        Fixtures.Run bad = Fixtures.grade(home, elsewhere, "--bogus");
        assertEquals(2, bad.exit());
    }

    @Test
    void everyCommandTakesHelpAndShowsAnExample() throws Exception {
        for (String c : new String[] {"init", "show", "list", "hint", "reset", "watch", "repl", "verify", "new", "dist", "export", "batch", "completion"}) {
            Fixtures.Run r = Fixtures.grade(home, elsewhere, c, "--help");
            assertEquals(0, r.exit(), c + " --help: " + r.err());
            assertTrue(r.out().startsWith("Usage: grade " + c), c + " --help:\n" + r.out());
            assertTrue(r.out().contains("Example"), c + " --help shows an example:\n" + r.out());
        }
    }
}
