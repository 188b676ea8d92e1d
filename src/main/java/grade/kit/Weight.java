package grade.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How much a hidden test counts within its exercise (default 1). An exercise's points (its
 * {@code exercise.json}) are shared among its tests in proportion to their weights: in an
 * exercise worth 10 points with tests weighing 3, 1 and 1, the first test is worth 6 points.
 * On a test class it weighs every test of the class; a test's own weight wins. Every
 * invocation of a parameterized or repeated test weighs as much as the test.
 *
 * <pre>{@code
 * @Test
 * @Weight(3)
 * @DisplayName("echoes a message")
 * void echoes() {
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Weight {
    /** A whole number, 1 or more. */
    int value();
}
