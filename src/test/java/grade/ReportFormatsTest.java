package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import grade.course.Localized;
import grade.report.ExercismReport;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.GradescopeReport;
import grade.report.JsonReport;
import grade.report.JunitXmlReport;
import grade.report.Status;
import grade.report.TestResult;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every output format is written from one grade and checked against the format's documented fields. */
class ReportFormatsTest {
    private static Exercise exercise(String id, int points) {
        return new Exercise(id, new Localized("T", "题"), List.of(id.substring(0, 5) + "/X.java"), List.of("x.XTest"), points, 10,
                List.of(new Localized("a", "甲"), new Localized("b", "乙")), Path.of("exercises", id));
    }

    /** offsets: 3 of 4 tests pass; tail: does not compile; echo: passes. */
    private static GradeReport report() {
        ExerciseResult offsets = ExerciseResult.of(exercise("day03/offsets", 10), List.of(
                new TestResult("reads from 7", Status.PASS, "", "", 12),
                new TestResult("reads a range", Status.PASS, "", "", 3),
                new TestResult("writes in place", Status.FAIL, "expected \"Hello WORLD\\n\" but got \"Hello WORLD\"", "debug print\n", 5),
                new TestResult("size", Status.PASS, "", "", 1)), 21);
        ExerciseResult tail = ExerciseResult.error(exercise("day03/tail", 10),
                "did not compile:\nday03/Tail.java:3:5: error: ';' expected");
        ExerciseResult echo = ExerciseResult.of(exercise("day03/echo-server", 20), List.of(
                new TestResult("echoes", Status.PASS, "", "", 100)), 100);
        return new GradeReport("workspace /tmp/ws", List.of(offsets, tail, echo), 2500);
    }

    @Test
    void oneScoringFunctionForEveryFormat() {
        GradeReport r = report();
        assertEquals(27.5, r.score());
        assertEquals(40, r.maxScore());
        assertEquals(Status.FAIL, r.status());
    }

    @Test
    void ownJson() {
        JsonObject o = JsonParser.parseString(JsonReport.write(report())).getAsJsonObject();
        assertEquals(1, o.get("version").getAsInt());
        assertEquals("fail", o.get("status").getAsString());
        assertEquals(27.5, o.get("score").getAsDouble());
        assertEquals(40, o.get("max_score").getAsInt());
        JsonArray ex = o.getAsJsonArray("exercises");
        assertEquals("error", ex.get(1).getAsJsonObject().get("status").getAsString());
        assertTrue(ex.get(1).getAsJsonObject().get("message").getAsString().contains("Tail.java:3:5"));
        JsonObject failed = ex.get(0).getAsJsonObject().getAsJsonArray("tests").get(2).getAsJsonObject();
        assertEquals("fail", failed.get("status").getAsString());
        assertEquals("debug print\n", failed.get("output").getAsString());
    }

    @Test
    void gradescopeResults() {
        JsonObject o = JsonParser.parseString(GradescopeReport.write(report())).getAsJsonObject();
        assertEquals(27.5, o.get("score").getAsDouble());
        assertEquals(40, o.get("max_score").getAsInt());
        assertEquals(2.5, o.get("execution_time").getAsDouble());
        assertTrue(o.has("output"));
        JsonArray tests = o.getAsJsonArray("tests");
        assertEquals(6, tests.size());
        double sumMax = 0;
        double sum = 0;
        for (var t : tests) {
            JsonObject x = t.getAsJsonObject();
            for (String key : new String[] {"name", "number", "score", "max_score", "status", "output", "visibility"}) {
                assertTrue(x.has(key), "tests[] has " + key + ": " + x);
            }
            assertTrue(List.of("passed", "failed").contains(x.get("status").getAsString()));
            sumMax += x.get("max_score").getAsDouble();
            sum += x.get("score").getAsDouble();
        }
        assertEquals(40.0, sumMax, 0.01);
        assertEquals(27.5, sum, 0.01);
        JsonObject third = tests.get(2).getAsJsonObject();
        assertEquals("1.3", third.get("number").getAsString());
        assertEquals("failed", third.get("status").getAsString());
        assertTrue(third.get("output").getAsString().contains("Hello WORLD") && third.get("output").getAsString().contains("debug print"));
        assertEquals("day03/tail: compiles", tests.get(4).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void exercismVersion2() {
        JsonObject o = JsonParser.parseString(ExercismReport.write(report())).getAsJsonObject();
        assertEquals(2, o.get("version").getAsInt());
        assertEquals("fail", o.get("status").getAsString());
        assertFalse(o.has("message"), "message is only for status error");
        JsonArray tests = o.getAsJsonArray("tests");
        JsonObject failed = tests.get(2).getAsJsonObject();
        assertEquals("fail", failed.get("status").getAsString());
        assertTrue(failed.has("message") && failed.has("output"));
        JsonObject passed = tests.get(0).getAsJsonObject();
        assertEquals("pass", passed.get("status").getAsString());
        assertEquals("error", tests.get(4).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void exercismErrorWhenNothingRan() {
        GradeReport r = new GradeReport("x", List.of(ExerciseResult.error(exercise("day03/tail", 10), "did not compile")), 10);
        JsonObject o = JsonParser.parseString(ExercismReport.write(r)).getAsJsonObject();
        assertEquals("error", o.get("status").getAsString());
        assertTrue(o.get("message").getAsString().contains("did not compile"));
    }

    @Test
    void exercismOutputIsCutAt500() {
        GradeReport r = new GradeReport("x", List.of(ExerciseResult.of(exercise("day03/tail", 10),
                List.of(new TestResult("t", Status.FAIL, "m", "y".repeat(2000), 1)), 1)), 10);
        JsonObject t = JsonParser.parseString(ExercismReport.write(r)).getAsJsonObject().getAsJsonArray("tests").get(0).getAsJsonObject();
        assertTrue(t.get("output").getAsString().length() <= 500);
    }

    @Test
    void exercismGivesEachVisibleTestItsCodeAndCutsOutputWithItsOwnNoticeBetweenCharacters() {
        Exercise offsets = new Exercise("day03/offsets", new Localized("T", "题"), List.of("day03/Offsets.java"), List.of("day03.OffsetsTest"),
                10, 10, List.of(new Localized("a", "甲"), new Localized("b", "乙")), Path.of("exercises", "day03/offsets"));
        String example = "readFrom(f, 7) after writing \"Hello world\\n\" is \"orld\\n\" (the course's example)";
        String printed = "x" + "😀".repeat(300) + "e\u0301".repeat(300);
        GradeReport r = new GradeReport("x", List.of(ExerciseResult.of(offsets, List.of(
                new TestResult(example, Status.FAIL, "m", printed, 1),
                new TestResult(example, Status.FAIL, "m", "", 1, 1, grade.report.Visibility.HIDDEN)), 1)), 10);
        JsonArray tests = JsonParser.parseString(ExercismReport.write(new grade.report.LearnerView(java.time.LocalDate.now(), grade.course.Lang.EN)
                .of(r))).getAsJsonObject().getAsJsonArray("tests");
        JsonObject shown = tests.get(0).getAsJsonObject();
        String code = shown.get("test_code").getAsString();
        assertTrue(code.startsWith("@Test\n") && code.contains("void seedExample()") && code.contains("Expect.sameText(\"readFrom(file, 7)\""),
                "the test method as written, read from the grader's own index:\n" + code);
        assertFalse(tests.get(1).getAsJsonObject().has("test_code"), "a hidden test's code is never shown: " + tests.get(1));

        String notice = "\nOutput was truncated. Please limit to 500 chars";
        String output = shown.get("output").getAsString();
        assertTrue(output.length() <= 500 && output.endsWith(notice), output);
        String kept = output.substring(0, output.length() - notice.length());
        assertTrue(printed.startsWith(kept) && kept.length() > 400, kept);
        assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), "half of an emoji is left");
        String accent = "x".repeat(451) + "e\u0301" + "z".repeat(100); // the notice leaves room for 452 characters: "e" would be the last
        GradeReport withAccent = new GradeReport("x", List.of(ExerciseResult.of(offsets, List.of(new TestResult("t", Status.FAIL, "m", accent, 1)), 1)), 10);
        String cut = JsonParser.parseString(ExercismReport.write(withAccent)).getAsJsonObject().getAsJsonArray("tests").get(0)
                .getAsJsonObject().get("output").getAsString();
        assertEquals("x".repeat(451) + notice, cut, "an accent is never cut from its letter");
    }

    private static Element byName(NodeList cases, String name) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase named " + name);
    }

    @Test
    void junitXmlFromTheJunitPlatformsOwnWriter() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(JunitXmlReport.write(report()))));
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(6, cases.getLength());
        Element third = byName(cases, "writes in place");
        assertEquals("day03/offsets", third.getAttribute("classname"));
        assertEquals(1, third.getElementsByTagName("failure").getLength());
        assertTrue(third.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue().contains("Hello WORLD"));
        Element compile = byName(cases, "compiles");
        assertEquals("day03/tail", compile.getAttribute("classname"));
        assertEquals(1, compile.getElementsByTagName("error").getLength());
    }
}
