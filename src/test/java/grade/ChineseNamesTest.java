package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.course.Catalogue;
import grade.course.Exercise;
import grade.kit.Zh;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every hidden test of the course (the classes each exercise.json names in "tests") has a
 * Chinese name, {@code @Zh}, beside its English {@code @DisplayName}: a learner under
 * {@code --lang zh} reads every word of a result in Chinese.
 */
class ChineseNamesTest {

    @Test
    void everyHiddenTestOfTheCourseHasAChineseName() throws Exception {
        List<String> unnamed = new ArrayList<>();
        int tests = 0;
        for (Exercise e : Catalogue.load(Path.of("").toAbsolutePath()).exercises()) {
            for (String name : e.tests()) {
                Class<?> type = Class.forName(name);
                tests += testMethods(type).size();
                unnamed.addAll(unnamed(type));
            }
        }
        assertTrue(tests >= 200, "the course's hidden tests were not found: " + tests + " @Test methods");
        assertEquals(List.of(), unnamed, unnamed.size() + " hidden tests have no Chinese name (grade.kit.Zh)");
    }

    @Test
    void theCheckNamesEachTestWhoseChineseNameIsMissingBlankOrNotChinese() {
        assertEquals(List.of("grade.ChineseNamesTest.Samples.blank: @Zh(\"  \") has no Chinese character",
                "grade.ChineseNamesTest.Samples.english: @Zh(\"only English\") has no Chinese character",
                "grade.ChineseNamesTest.Samples.unnamed: no @Zh"), unnamed(Samples.class));
    }

    /** Each @Test method of {@code type} without a Chinese name, as {@code Class.method: why}. */
    static List<String> unnamed(Class<?> type) {
        List<String> out = new ArrayList<>();
        for (Method m : testMethods(type)) {
            Zh zh = m.getAnnotation(Zh.class);
            String where = type.getName().replace('$', '.') + "." + m.getName();
            if (zh == null) {
                out.add(where + ": no @Zh");
            } else if (zh.value().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                out.add(where + ": @Zh(\"" + zh.value() + "\") has no Chinese character");
            }
        }
        return out;
    }

    /** The @Test methods of {@code type} and its superclasses, by name. */
    private static List<Method> testMethods(Class<?> type) {
        List<Method> found = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class)) {
                    found.add(m);
                }
            }
        }
        found.sort(Comparator.comparing(Method::getName));
        return found;
    }

    /** Tests as a hidden test class might have them; private, so that JUnit does not run them. */
    @SuppressWarnings("unused")
    private static final class Samples {
        @Test
        void unnamed() {
        }

        @Test
        @Zh("  ")
        void blank() {
        }

        @Test
        @Zh("only English")
        void english() {
        }

        @Test
        @Zh("有中文的名字")
        void named() {
        }
    }
}
