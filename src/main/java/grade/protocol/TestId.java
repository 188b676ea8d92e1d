package grade.protocol;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How both sides name one hidden test: {@code day03.OffsetsTest#seedExample(java.nio.file.Path)},
 * the test class, the method and its parameter types, as JUnit's method sources give them.
 */
public final class TestId {
    private TestId() {
    }

    public static String of(String testClass, String method, String parameterTypes) {
        return testClass + "#" + method + "(" + parameterTypes.replace(" ", "") + ")";
    }

    public static String of(Class<?> testClass, Method method) {
        return of(testClass.getName(), method.getName(),
                Arrays.stream(method.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",")));
    }

    /** The test class of an id. */
    public static String testClass(String id) {
        return id.substring(0, id.indexOf('#'));
    }
}
