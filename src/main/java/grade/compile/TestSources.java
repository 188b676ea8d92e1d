package grade.compile;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Reads the code of the course's hidden tests for {@link grade.report.TestCode}, when the grader
 * is built ({@code pom.xml} runs {@link #main} after compiling): every test method of
 * {@code grader/} as written, from its annotations to its closing brace, by test class and
 * display name. Tests hidden for good ({@code @Hidden} without a date, on the method or its
 * class) are left out. The sources are only parsed, never compiled, here.
 */
public final class TestSources {
    private static final Set<String> TESTS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory");

    private TestSources() {
    }

    /** {@code TestSources GRADER_DIR OUTPUT_FILE}: writes the index of the tests under GRADER_DIR. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        Files.writeString(out, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(index(Path.of(args[0]))),
                StandardCharsets.UTF_8);
    }

    /** {@code {"day03.OffsetsTest": [{"name": display name, "code": the method as written}...]}}. */
    public static JsonObject index(Path graderDir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(graderDir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JsonObject index = new JsonObject();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                String text = unit.getSourceFile().getCharContent(true).toString();
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree c) {
                        addClass(index, pkg + c.getSimpleName(), c, false, unit, text, positions);
                    }
                }
            }
        }
        return index;
    }

    private static void addClass(JsonObject index, String name, ClassTree c, boolean outerHidden, CompilationUnitTree unit,
            String text, SourcePositions positions) {
        boolean classHidden = hiddenForGood(c.getModifiers()).orElse(outerHidden);
        JsonArray tests = new JsonArray();
        for (Tree member : c.getMembers()) {
            if (member instanceof ClassTree nested) {
                addClass(index, name + "$" + nested.getSimpleName(), nested, classHidden, unit, text, positions);
            } else if (member instanceof MethodTree m && isTest(m.getModifiers()) && !hiddenForGood(m.getModifiers()).orElse(classHidden)) {
                JsonObject o = new JsonObject();
                o.addProperty("name", displayName(m));
                int start = (int) positions.getStartPosition(unit, m);
                o.addProperty("code", dedent(text, start, (int) positions.getEndPosition(unit, m)));
                tests.add(o);
            }
        }
        if (!tests.isEmpty()) {
            index.add(name, tests);
        }
    }

    private static boolean isTest(ModifiersTree mods) {
        return mods.getAnnotations().stream().anyMatch(a -> TESTS.contains(simpleName(a)));
    }

    /** Whether {@code @Hidden} without a date is there (true), {@code @Hidden(until = ...)} (false), or neither (empty). */
    private static java.util.Optional<Boolean> hiddenForGood(ModifiersTree mods) {
        return mods.getAnnotations().stream().filter(a -> simpleName(a).equals("Hidden")).findFirst()
                .map(a -> a.getArguments().stream().noneMatch(arg -> arg instanceof AssignmentTree as
                        && as.getVariable().toString().equals("until")));
    }

    /** The name JUnit shows: the {@code @DisplayName}, else {@code method(ParamType, ...)}. */
    private static String displayName(MethodTree m) {
        for (AnnotationTree a : m.getModifiers().getAnnotations()) {
            if (simpleName(a).equals("DisplayName") && a.getArguments().size() == 1) {
                ExpressionTree value = a.getArguments().get(0);
                String s = constant(value instanceof AssignmentTree as ? as.getExpression() : value);
                if (s != null) {
                    return s;
                }
            }
        }
        return m.getName() + m.getParameters().stream().map(VariableTree::getType).map(TestSources::simpleTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A string made of literals joined by {@code +}, or null. */
    private static String constant(ExpressionTree e) {
        if (e instanceof LiteralTree l && l.getValue() != null) {
            return String.valueOf(l.getValue());
        }
        if (e instanceof ParenthesizedTree p) {
            return constant(p.getExpression());
        }
        if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            String left = constant(b.getLeftOperand());
            String right = constant(b.getRightOperand());
            return left == null || right == null ? null : left + right;
        }
        return null;
    }

    private static String simpleName(AnnotationTree a) {
        String n = a.getAnnotationType().toString();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private static String simpleTypeName(Tree type) {
        String n = type.toString().replaceAll("<.*>", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }

    /** The source from {@code start} to {@code end}, its later lines moved left by the first line's indentation. */
    static String dedent(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int indent = start - lineStart;
        StringBuilder sb = new StringBuilder();
        String[] lines = text.substring(start, end).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            int cut = 0;
            while (i > 0 && cut < indent && cut < line.length() && (line.charAt(cut) == ' ' || line.charAt(cut) == '\t')) {
                cut++;
            }
            sb.append(i == 0 ? "" : "\n").append(line.substring(cut));
        }
        return sb.toString();
    }
}
