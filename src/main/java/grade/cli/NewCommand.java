package grade.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import grade.terminal.Console;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Scaffold a new exercise (for instructors).",
    "Metadata, both statements, a starter, a reference solution, a known-wrong solution, a hidden",
    "test class using the test kit and two hints, which compile and pass `grade verify` as they",
    "are. Then make them say what you mean."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade new day03 word-count", "  ./grade verify day03"})
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DAY", description = "The day, such as day03 (a new day is made too).")
    String day;

    @Parameters(index = "1", paramLabel = "SLUG", description = "The exercise's name: lower-case words joined by dashes.")
    String slug;

    @Override
    public Integer call() throws IOException {
        Path home = Home.find();
        PrintStream out = Console.out();
        if (!day.matches("day\\d\\d")) {
            throw new UserError("the day must look like day03, not \"" + day + "\"");
        }
        if (!slug.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new UserError("the exercise's name must be lower-case words joined by dashes, such as word-count, not \"" + slug + "\"");
        }
        if (!Files.isDirectory(home.resolve("grader")) || !Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new UserError(home + " holds no course sources (grader/ and pom.xml): `grade new` works in a clone of the course, not in a student bundle");
        }
        Path dir = home.resolve("exercises").resolve(day).resolve(slug);
        if (Files.exists(dir)) {
            throw new UserError(dir + " already exists; choose another name or remove it first");
        }
        String name = className(slug);
        String id = day + "/" + slug;
        List<Path> made = new ArrayList<>();
        made.add(write(dir.resolve("exercise.json"), exerciseJson(id, name)));
        made.add(write(dir.resolve("README.md"), statement(id, name, false)));
        made.add(write(dir.resolve("README.zh.md"), statement(id, name, true)));
        made.add(write(dir.resolve("starter").resolve(day).resolve(name + ".java"), source(day, name,
                "        // TODO: compute the answer\n        throw new UnsupportedOperationException(\"TODO: answer\");")));
        String solution = source(day, name, "        return 42;");
        made.add(write(home.resolve("solutions").resolve(day).resolve(slug).resolve(day).resolve(name + ".java"), solution));
        made.add(write(home.resolve("solutions").resolve(day).resolve(slug).resolve("wrong").resolve("off-by-one.diff"),
                knownWrong("the answer is off by one.", day + "/" + name + ".java", solution, solution.replace("return 42;", "return 41;"))));
        made.add(write(home.resolve("grader").resolve(day).resolve(name + "Test.java"), test(day, name)));
        made.add(addToDay(home.resolve("exercises").resolve(day).resolve("day.json")));
        out.println("Made the exercise " + id + ":");
        made.forEach(p -> out.println("  " + home.relativize(p)));
        out.println("Next: write the statements, starter, solution, hints and tests, then `./grade verify " + day + "`"
                + " (it rebuilds the grader with the new hidden tests first), then `./grade mutants " + day + " " + slug + "`"
                + " until every mutant of the solution is killed or recorded as equivalent.");
        return 0;
    }

    static String className(String slug) {
        StringBuilder sb = new StringBuilder();
        for (String part : slug.split("-")) {
            sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return sb.toString();
    }

    private static Path write(Path file, String text) throws IOException {
        if (Files.exists(file)) {
            throw new UserError(file + " already exists; nothing was overwritten");
        }
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path addToDay(Path dayJson) throws IOException {
        JsonObject o;
        if (Files.exists(dayJson)) {
            o = JsonParser.parseString(Files.readString(dayJson, StandardCharsets.UTF_8)).getAsJsonObject();
        } else {
            o = new JsonObject();
            JsonObject title = new JsonObject();
            title.addProperty("en", "Day " + Integer.parseInt(day.substring(3)));
            title.addProperty("zh", "第 " + Integer.parseInt(day.substring(3)) + " 天");
            o.add("title", title);
            o.add("exercises", new JsonArray());
        }
        o.getAsJsonArray("exercises").add(slug);
        Files.writeString(dayJson, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n",
                StandardCharsets.UTF_8);
        return dayJson;
    }

    private String exerciseJson(String id, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        JsonObject title = new JsonObject();
        title.addProperty("en", name + ": say in a few words what the learner builds");
        title.addProperty("zh", name + "：用几个字说明要写什么");
        o.add("title", title);
        JsonArray files = new JsonArray();
        files.add(day + "/" + name + ".java");
        o.add("files", files);
        JsonArray tests = new JsonArray();
        tests.add(day + "." + name + "Test");
        o.add("tests", tests);
        o.addProperty("points", 10);
        o.addProperty("timeout", 10);
        JsonArray hints = new JsonArray();
        hints.add(hint("A nudge: which method of the JDK does most of the work?", "提示一：JDK 里哪个方法能完成大部分工作？"));
        hints.add(hint("Nearly the answer: what the reference solution does, step by step, without its code.",
                "接近答案：参考答案一步步做了什么，但不给代码。"));
        o.add("hints", hints);
        // grade mutants: each survivor no test can tell from the solution, with its reason (see the README)
        o.add("equivalentMutants", new JsonArray());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    private static JsonObject hint(String en, String zh) {
        JsonObject h = new JsonObject();
        h.addProperty("en", en);
        h.addProperty("zh", zh);
        return h;
    }

    private String statement(String id, String name, boolean zh) {
        if (zh) {
            return "# " + name + "\n\n**课上讲了什么。** 这个练习对应课程笔记中的哪一课，在 Java 里怎么做。\n\n## 要写什么\n\n`"
                    + day + "/" + name + ".java`，`package " + day + ";`：\n\n```java\npublic static int answer()\n```\n\n"
                    + "## 示例\n\n```java\n" + name + ".answer(); // 42\n```\n\n## 测试会检查什么\n\n列出测试会尝试的情况（不给测试代码）。\n";
        }
        return "# " + name + "\n\n**What the course taught.** Which lesson of the course's notes this exercise practises, and how it is done in Java.\n\n"
                + "## What to build\n\n`" + day + "/" + name + ".java`, in `package " + day + ";`:\n\n```java\npublic static int answer()\n```\n\n"
                + "## Example\n\n```java\n" + name + ".answer(); // 42\n```\n\n## What the tests try\n\nThe cases the tests try, without their code.\n";
    }

    /** A known-wrong solution as a unified diff against the reference, as `diff -u` makes it, with its header line. */
    private static String knownWrong(String mistake, String file, String reference, String wrong) {
        List<String> before = reference.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a/" + file, "b/" + file, before,
                DiffUtils.diff(before, wrong.lines().toList()), 3);
        return "# Known wrong: " + mistake + "\n" + String.join("\n", diff) + "\n";
    }

    private static String source(String day, String name, String body) {
        return "package " + day + ";\n\npublic class " + name + " {\n\n    /** The answer. */\n    public static int answer() {\n"
                + body + "\n    }\n}\n";
    }

    private static String test(String day, String name) {
        return """
                package %1$s;

                import grade.kit.Expect;
                import grade.kit.LearnerClass;
                import grade.kit.StaticMethod;
                import grade.kit.Zh;
                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Test;

                /** Hidden tests of %1$s/%2$s. Reach learner code only through the kit (see README, "Adding an exercise"). */
                class %2$sTest {
                    private static StaticMethod answer() {
                        return LearnerClass.of("%1$s.%2$s").staticMethod(int.class, "answer");
                    }

                    @Test
                    @DisplayName("answer() is 42")
                    @Zh("answer() 是 42")
                    void answerIs42() {
                        Expect.equal("answer()", 42, answer().call());
                    }
                }
                """.formatted(day, name);
    }
}
