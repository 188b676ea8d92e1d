import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes what `grade batch` leaves for a class of COUNT submissions (results/NAME.json and
 * batch.json) without grading anything, for measuring `grade report` on big classes. The mix
 * follows a real class: most pass everything, some fail a few tests with line diffs, some do
 * not compile, hang, call System.exit, crash their test JVM, miss a file or send a broken zip.
 * Messages carry ports, pids and paths that differ from learner to learner, as real ones do.
 *
 *   java bench/MakeResults.java OUT_DIR [COUNT [EXERCISES [TESTS]]]     (defaults 1000, 5, 7)
 */
public class MakeResults {
    private static final String[] KINDS = {"correct", "correct", "correct", "correct", "wrong", "wrong", "wrong",
        "nocompile", "hang", "exit", "crash", "missing", "corrupt", "wrong", "correct", "wrong"};

    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args[0]).resolve("results"));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int exercises = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int tests = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < exercises; e++) {
            ids.add(String.format("day%02d/exercise-%d", 1 + e / 5, e + 1));
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String kind = KINDS[random.nextInt(KINDS.length)];
            String name = String.format("%04d-%s", i, kind);
            names.add(name);
            Files.writeString(out.resolve(name + ".json"), result(name, kind, ids, tests, random), StandardCharsets.UTF_8);
        }
        Files.writeString(out.resolveSibling("batch.json"), """
                {"version": 1, "started": "%s", "seconds": %d, "grader": "grade 0.1.0 · Java 17 (synthetic results)",
                 "tests_fingerprint": "%s", "lang": "en", "jobs": 2, "exercises": [%s], "submissions": [%s]}
                """.formatted(OffsetDateTime.now().withNano(0), count * 3, "5e".repeat(32), quoted(ids), quoted(names)), StandardCharsets.UTF_8);
        System.out.println("wrote " + count + " results of " + exercises + " exercises × " + tests + " tests in " + out);
    }

    private static String result(String name, String kind, List<String> ids, int tests, Random random) {
        StringBuilder x = new StringBuilder();
        double total = 0;
        List<String> notes = new ArrayList<>();
        for (int e = 0; e < ids.size(); e++) {
            String id = ids.get(e);
            // A learner's trouble is in one exercise; the others they mostly pass.
            boolean here = e == random.nextInt(ids.size());
            String k = kind.equals("corrupt") ? "corrupt" : here ? kind : random.nextInt(6) == 0 ? "wrong" : "correct";
            StringBuilder t = new StringBuilder();
            int passed = 0;
            String status = "pass";
            String message = "";
            if (k.equals("nocompile") || k.equals("missing") || k.equals("corrupt")) {
                status = "error";
                message = k.equals("corrupt") ? "it is not a readable zip (zip END header not found); zip the folder again and resubmit"
                        : "did not compile:\n" + id + ".java:" + (10 + random.nextInt(60)) + ":17: error: ';' expected\n        return bytes\n                    ^";
                if (!k.equals("corrupt")) {
                    notes.add(id + (k.equals("missing") ? " missing" : " did not compile"));
                }
            } else {
                for (int n = 1; n <= tests; n++) {
                    String[] test = test(k, n, tests, random);
                    if (test == null) {
                        passed++;
                        t.append(testJson("test " + n + " of " + id + ": reads and writes at offset " + n, "pass", "", ""));
                    } else {
                        t.append(testJson("test " + n + " of " + id + ": reads and writes at offset " + n, "fail", test[0], test[1]));
                    }
                }
                if (k.equals("crash")) {
                    t.append(testJson("(the rest of the tests)", "error", "the test JVM ended unexpectedly (exit status 137: it was killed, perhaps because it ran out of memory).", ""));
                    notes.add(id + " crashed");
                }
                status = passed == tests ? "pass" : "fail";
            }
            double score = Math.round(10.0 * passed / tests * 100) / 100.0;
            total += score;
            if (x.length() > 0) {
                x.append(',');
            }
            x.append("{\"id\":\"").append(id).append("\",\"status\":\"").append(status).append("\",\"message\":").append(json(message))
                    .append(",\"score\":").append(score).append(",\"max_score\":10,\"millis\":").append(random.nextInt(3000))
                    .append(",\"tests\":[").append(t.length() > 0 ? t.substring(1) : "").append("]}");
        }
        boolean graded = !kind.equals("corrupt");
        String note = graded ? String.join("; ", notes) : "it is not a readable zip (zip END header not found); zip the folder again and resubmit";
        return "{\"version\":1,\"status\":\"fail\",\"score\":" + Math.round(total * 100) / 100.0 + ",\"max_score\":" + 10 * ids.size()
                + ",\"exercises\":[" + x + "],\"submission\":" + json(name) + ",\"fingerprint\":\"" + "0".repeat(64)
                + "\",\"graded\":" + graded + ",\"note\":" + json(note) + "}";
    }

    /** The message and output of a failing test, or null when it passes. */
    private static String[] test(String kind, int n, int tests, Random random) {
        int port = 30000 + random.nextInt(30000);
        switch (kind) {
            case "wrong":
                if (n % 3 != random.nextInt(3)) {
                    return null;
                }
                return new String[] {"lastLines(\"one\\ntwo\\nthree\\nfour\\nfive\\n\", 3): expected 3 lines, got 3\n"
                        + "  - line 1  expected \"three\"\n  + line 1  got      \"four\"\n  - line 2  expected \"four\"\n"
                        + "  + line 2  got      \"five\"\n  - line 3  expected \"five\"\n  + line 3  got      \"\"\n"
                        + "  (the file was /tmp/junit" + random.nextInt(1_000_000) + "/" + n + ".txt, the server on port " + port + ")",
                        n % 2 == 0 ? "listening on " + port + "\nread " + random.nextInt(9000) + " bytes\n" : ""};
            case "hang":
                return n > tests - 3 ? new String[] {"the test did not finish within 10 s and was stopped: your code may be stuck in a loop, "
                        + "or waiting for input or a connection that never comes.", ""} : null;
            case "exit":
                return new String[] {"your code called System.exit(1) (or Runtime.halt). A method must return a value or throw an exception; "
                        + "ending the JVM is not allowed here.\n    at day03.Offsets.readFrom(Offsets.java:" + (10 + n) + ")", ""};
            case "crash":
                return n > tests / 2 ? new String[] {"the test JVM ended unexpectedly (pid " + random.nextInt(99999) + ")", ""} : null;
            default:
                return null;
        }
    }

    private static String testJson(String name, String status, String message, String output) {
        return ",{\"name\":" + json(name) + ",\"status\":\"" + status + "\",\"message\":" + json(message) + ",\"output\":" + json(output)
                + ",\"millis\":12,\"weight\":1,\"visibility\":\"visible\"}";
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(MakeResults::json).toList());
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
