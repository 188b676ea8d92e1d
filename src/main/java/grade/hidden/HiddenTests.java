package grade.hidden;

import grade.course.Lang;
import grade.kit.Zh;
import grade.protocol.TestId;
import grade.report.Visibility;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which hidden tests an exercise has, read by the grader in its own JVM from the compiled test
 * classes, never from the test JVM: their ids, names, weights and visibility, in the order they
 * run. A test counts only through a result the test JVM's runner signed for one of these; a test
 * of the list that got none earns nothing.
 */
public final class HiddenTests {
    private HiddenTests() {
    }

    /**
     * One hidden test.
     *
     * @param name    what it checks, in words ({@code @DisplayName})
     * @param nameZh  the same in Chinese ({@code @Zh}), or empty when the test has none
     * @param mistake a test author's mistake in its {@code @Weight} or {@code @Hidden}, or empty:
     *                such a test is reported as an error with these words
     */
    public record HiddenTest(String id, String name, String nameZh, int weight, Visibility visibility, String mistake) {

        /** Its name in {@code lang}; in English where it has no Chinese one. */
        public String name(Lang lang) {
            return lang == Lang.ZH && !nameZh.isBlank() ? nameZh : name;
        }
    }

    /** A hidden test class that the grader does not hold: it was not built into the jar. */
    public static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing(String testClass) {
            super("the hidden test class " + testClass + " is not in the grader: rebuild it (delete target/ and run ./grade again)");
        }
    }

    /** The tests of {@code testClasses}, in the order they run. */
    public static List<HiddenTest> of(List<String> testClasses) throws Missing {
        List<HiddenTest> out = new ArrayList<>();
        for (String name : testClasses) {
            Class<?> c;
            try {
                c = Class.forName(name, false, HiddenTests.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new Missing(name);
            }
            addTests(c, out);
        }
        return out;
    }

    private static void addTests(Class<?> c, List<HiddenTest> out) {
        if (AnnotationSupport.isAnnotated(c, Disabled.class)) {
            return;
        }
        Map<String, Integer> order = SourceOrder.methodOrder(c);
        List<Method> methods = new ArrayList<>(ReflectionSupport.findMethods(c,
                m -> AnnotationSupport.isAnnotated(m, Testable.class) && !AnnotationSupport.isAnnotated(m, Disabled.class),
                HierarchyTraversalMode.TOP_DOWN));
        methods.sort(Comparator.comparingInt(m -> order.getOrDefault(m.getName(), Integer.MAX_VALUE)));
        for (Method m : methods) {
            out.add(test(c, m));
        }
        for (Class<?> nested : ReflectionSupport.findNestedClasses(c, n -> AnnotationSupport.isAnnotated(n, Nested.class))) {
            addTests(nested, out);
        }
    }

    private static HiddenTest test(Class<?> c, Method m) {
        String zh = AnnotationSupport.findAnnotation(m, Zh.class).map(Zh::value).orElse("");
        String name = AnnotationSupport.findAnnotation(m, DisplayName.class).map(DisplayName::value)
                .orElse(m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ")) + ")");
        try {
            Marks marks = Marks.of(m);
            Visibility v = "visible".equals(marks.visibility()) ? Visibility.VISIBLE
                    : marks.until().isEmpty() ? Visibility.HIDDEN : Visibility.until(LocalDate.parse(marks.until()));
            return new HiddenTest(TestId.of(c, m), name, zh, marks.weight(), v, "");
        } catch (Marks.Mistake mistake) {
            return new HiddenTest(TestId.of(c, m), name, zh, 1, Visibility.VISIBLE, mistake.getMessage());
        }
    }
}
