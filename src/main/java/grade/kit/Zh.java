package grade.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Chinese name of a test, shown instead of its {@code @DisplayName} under {@code --lang zh}.
 * Every hidden test has one, beside its English name; it uses the course's own words (偏移量,
 * 套接字, 粘包, 子进程, ...) and keeps code, names and protocol words as they are.
 *
 * <pre>{@code
 * @Test
 * @DisplayName("readFrom(f, 7) after writing \"Hello world\\n\" is \"orld\\n\"")
 * @Zh("写入 \"Hello world\\n\" 后，readFrom(f, 7) 是 \"orld\\n\"")
 * void seedExample(@TempDir Path dir) throws Exception {
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Zh {
    /** The test's name in Chinese. */
    String value();
}
