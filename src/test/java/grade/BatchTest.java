package grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `grade batch` as an instructor runs it, on the fixture course: real folders, zips, compiles and test JVMs. */
class BatchTest {
    static final String HEADER = "submission,day90/sum,day90/hello,total,note\r\n";
    @TempDir
    Path home;
    @TempDir
    Path subs;
    @TempDir
    Path elsewhere;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.course(home);
    }

    private void folder(String name, String sum, String hello) throws IOException {
        if (sum != null) {
            Fixtures.write(subs.resolve(name + "/day90/Sum.java"), sum);
        }
        if (hello != null) {
            Fixtures.write(subs.resolve(name + "/day90/Hello.java"), hello);
        }
    }

    private void zip(String name, String prefix, String sum, String hello) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(subs.resolve(name + ".zip")), StandardCharsets.UTF_8)) {
            z.putNextEntry(new ZipEntry(prefix + "day90/Sum.java"));
            z.write(sum.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry(prefix + "day90/Hello.java"));
            z.write(hello.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every file below a folder with its bytes, to prove a batch changed nothing of it. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void brokenHangingAndCrashingSubmissionsGetTheirRowsAndSpoilNoOther() throws Exception {
        String hello0 = Fixtures.HELLO_OK.replace("System.out.println(\"hello \" + args[0]);", "System.out.println(\"hi\");");
        folder("alice", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        zip("bob", "", Fixtures.SUM_OK, hello0);
        zip("carol, c. \"cc\" 林", "carol/", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        folder("dave", Fixtures.SUM_OK.replace("return a + b;", "return a + b"), Fixtures.HELLO_OK);
        folder("erin", Fixtures.SUM_OK.replace("return a + b;", "while (a == 2) { b++; } return a + b;"), Fixtures.HELLO_OK);
        folder("frank", Fixtures.SUM_OK.replace("return a + b;", "System.exit(3); return a + b;"),
                Fixtures.HELLO_OK.replace("System.out.println(\"hello \" + args[0]);",
                        "System.out.println(\"hello \" + args[0]); Runtime.getRuntime().halt(1);"));
        folder("gina", Fixtures.SUM_OK.replace("public class Sum {", """
                public class Sum {
                    static {
                        try {
                            new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }
                """), Fixtures.HELLO_OK);
        folder("hal", null, Fixtures.HELLO_OK);
        zip("ivy", "", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        byte[] ivy = Files.readAllBytes(subs.resolve("ivy.zip"));
        Files.write(subs.resolve("ivy.zip"), java.util.Arrays.copyOf(ivy, ivy.length / 2));
        zip("jack", "../../", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        Files.writeString(subs.resolve("notes.txt"), "not a submission");
        Map<String, String> before = snapshot(subs);

        Fixtures.Run r = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90", "--jobs", "2", "--no-color");

        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(HEADER
                + "alice,10,10,20,\r\n"
                + "bob,10,0,10,day90/hello: 1 of 1 test failed\r\n"
                + "\"carol, c. \"\"cc\"\" 林\",10,10,20,\r\n"
                + "dave,0,10,10,day90/sum: did not compile\r\n"
                + "erin,5,10,15,day90/sum: 1 of 2 tests failed\r\n"
                + "frank,0,0,0,day90/sum: 2 of 2 tests failed; day90/hello: 1 of 1 test failed\r\n"
                + "gina,0,10,10,day90/sum: crashed\r\n" // hello runs in a fresh test JVM, untouched by the crash
                + "hal,0,10,10,day90/sum: missing day90/Sum.java\r\n"
                + "ivy,0,0,0,it is not a readable zip (zip END header not found); zip the folder again and resubmit\r\n"
                + "jack,0,0,0,the zip holds an entry that points outside it (../../day90/Sum.java); zip the folder again with an ordinary zip tool\r\n",
                Files.readString(subs.resolve("grades.csv"), StandardCharsets.UTF_8));
        JsonObject erin = json(subs.resolve("results/erin.json"));
        assertEquals("erin", erin.get("submission").getAsString());
        assertEquals(64, erin.get("fingerprint").getAsString().length());
        assertTrue(erin.get("graded").getAsBoolean());
        assertTrue(erin.toString().contains("did not finish within 5 s"), erin.toString());
        assertTrue(json(subs.resolve("results/frank.json")).toString().contains("called System.exit(3)"));
        assertFalse(json(subs.resolve("results/ivy.json")).get("graded").getAsBoolean());
        assertTrue(Files.isRegularFile(subs.resolve("results/carol, c. \"cc\" 林.json")));
        assertTrue(r.err().contains("Ignored (neither a folder nor a .zip): notes.txt"), r.err());
        assertTrue(r.err().contains("[10/10] "), "one line per submission into a pipe:\n" + r.err());
        assertTrue(r.out().contains("batch: 8 graded, 0 unchanged (not graded again), 2 could not be graded (above)"), r.out());
        assertTrue(r.out().contains("! ivy: it is not a readable zip"), r.out());
        assertFalse(Files.exists(subs.resolve("../day90")) || Files.exists(subs.getParent().getParent().resolve("day90/Sum.java")));
        Map<String, String> after = snapshot(subs);
        after.keySet().removeIf(k -> k.equals("grades.csv") || k.equals("batch.json") || k.startsWith("results"));
        assertEquals(before, after, "the submissions were changed");
    }

    @Test
    void aRerunSkipsWhatHasNotChangedAndOutPutsTheFilesElsewhere() throws Exception {
        folder("alice", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        folder("bob", Fixtures.SUM_STARTER, Fixtures.HELLO_OK);
        Path out = elsewhere.resolve("marks");
        Fixtures.Run first = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90", "--out", out.toString());
        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals(HEADER + "alice,10,10,20,\r\nbob,0,10,10,day90/sum: 2 of 2 tests failed\r\n", Files.readString(out.resolve("grades.csv")));
        assertTrue(Files.isRegularFile(out.resolve("results/bob.json")));
        assertFalse(Files.exists(subs.resolve("grades.csv")) || Files.exists(subs.resolve("results")), "--out was not followed");

        Fixtures.Run again = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90", "--out", out.toString());
        assertTrue(again.out().contains("batch: 0 graded, 2 unchanged"), again.out());
        assertEquals(HEADER + "alice,10,10,20,\r\nbob,0,10,10,day90/sum: 2 of 2 tests failed\r\n", Files.readString(out.resolve("grades.csv")));

        Fixtures.write(subs.resolve("bob/day90/Sum.java"), Fixtures.SUM_OK);
        Fixtures.Run changed = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90", "--out", out.toString());
        assertTrue(changed.out().contains("batch: 1 graded, 1 unchanged"), changed.out());
        assertTrue(changed.err().contains("bob 20/20"), changed.err());
        assertEquals(HEADER + "alice,10,10,20,\r\nbob,10,10,20,\r\n", Files.readString(out.resolve("grades.csv")));

        Fixtures.Run other = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90/sum", "--out", out.toString());
        assertTrue(other.out().contains("batch: 2 graded, 0 unchanged"), "other exercises asked: graded again\n" + other.out());
        assertEquals("submission,day90/sum,total,note\r\nalice,10,10,\r\nbob,10,10,\r\n", Files.readString(out.resolve("grades.csv")));

        Fixtures.Run forced = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90/sum", "--out", out.toString(), "--force");
        assertTrue(forced.out().contains("batch: 2 graded, 0 unchanged"), forced.out());

        Fixtures.Run inside = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90/sum", "--report");
        assertTrue(inside.out().contains("batch: 2 graded") && inside.out().contains("Report:    " + subs.resolve("report.html")), inside.out());
        assertTrue(Files.isRegularFile(subs.resolve("batch.json")) && Files.isRegularFile(subs.resolve("report.html")));
        Fixtures.Run outside = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90/sum", "--out", out.toString());
        assertTrue(outside.out().contains("batch: 0 graded, 2 unchanged"), "the results/ of the run without --out is no submission:\n" + outside.out());
        assertFalse(outside.err().contains("Ignored"), "batch.json and report.html are the batch's own:\n" + outside.err());
    }

    @Test
    void aReportNeedsTheResultsOfABatch() throws Exception {
        folder("alice", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        Fixtures.Run none = Fixtures.grade(home, elsewhere, "report", subs.toString());
        assertEquals(2, none.exit(), none.out() + none.err());
        assertTrue(none.err().contains("holds no results/ of a batch: grade the class first with grade batch"), none.err());

        Fixtures.Run batch = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90/sum", "--out", elsewhere.resolve("marks").toString());
        assertEquals(0, batch.exit(), batch.out() + batch.err());
        Fixtures.Run report = Fixtures.grade(home, elsewhere, "report", subs.toString(), "--out", elsewhere.resolve("marks").toString(), "--lang", "zh");
        assertEquals(0, report.exit(), report.out() + report.err());
        String html = Files.readString(elsewhere.resolve("marks/report.html"), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!doctype html><html lang=\"zh-CN\">") && html.contains("data-learner=\"alice\""), html);
    }

    @Test
    void onlyExcelGetsAByteOrderMark() throws Exception {
        folder("王小明", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        Fixtures.Run plain = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90");
        assertEquals(0, plain.exit(), plain.out() + plain.err());
        byte[] csv = Files.readAllBytes(subs.resolve("grades.csv"));
        assertEquals(HEADER + "王小明,10,10,20,\r\n", new String(csv, StandardCharsets.UTF_8), "plain RFC 4180 for scripts: no mark");

        Fixtures.Run excel = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day90", "--excel");
        assertEquals(0, excel.exit(), excel.out() + excel.err());
        byte[] marked = Files.readAllBytes(subs.resolve("grades.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(marked, 3), "UTF-8's byte order mark first");
        assertArrayEquals(csv, Arrays.copyOfRange(marked, 3, marked.length), "then the same gradebook");
    }

    @Test
    void usageMistakesAreOneSentenceAndStatus2() throws Exception {
        Fixtures.Run missing = Fixtures.grade(home, elsewhere, "batch", elsewhere.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("is not a folder; give the folder that holds one folder or .zip per learner"), missing.err());
        Fixtures.Run empty = Fixtures.grade(home, elsewhere, "batch", subs.toString());
        assertEquals(2, empty.exit());
        assertTrue(empty.err().contains("holds no submission"), empty.err());
        folder("alice", Fixtures.SUM_OK, Fixtures.HELLO_OK);
        Fixtures.Run day = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "day91");
        assertEquals(2, day.exit());
        assertTrue(day.err().contains("there is no day \"day91\""), day.err());
        Fixtures.Run jobs = Fixtures.grade(home, elsewhere, "batch", subs.toString(), "--jobs", "0");
        assertEquals(2, jobs.exit());
        assertTrue(jobs.err().contains("--jobs must be 1 or more"), jobs.err());
        Fixtures.Run help = Fixtures.grade(home, elsewhere, "help", "batch");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("./grade batch submissions/ day03 day04"), help.out());
    }
}
