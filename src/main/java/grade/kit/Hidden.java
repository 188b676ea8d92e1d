package grade.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A hidden test whose name, message and captured output the learner does not see: the learner
 * sees only that "hidden test 1" passed or failed, and the points it earned. With {@code until}
 * it is hidden until the end of that day (an ISO date, in the grader's time zone) and shown in
 * full from the next day on. On a test class it hides every test of the class; a test's own
 * annotation wins. Instructors see everything ({@code --solutions}, {@code --reveal},
 * {@code verify}); Gradescope gets the test under its own visibility rules.
 *
 * <pre>{@code
 * @Test
 * @Hidden
 * @DisplayName("a frame of 65,535 bytes, the largest there is")
 * void largestFrame() {
 *     ...
 * }
 *
 * @Test
 * @Hidden(until = "2026-12-15")
 * @DisplayName("a client that sends nothing is dropped after 10 s")
 * void silentClient() {
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hidden {
    /** The last day the test is hidden, such as {@code "2026-12-15"}; empty (the default): always hidden. */
    String until() default "";
}
