package grade.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The code of the hidden tests a learner may see, as Exercism's {@code test_code} gives it: the
 * test method as written (annotations, signature and body). A learners' bundle holds no test
 * source, so the code is read from the course's {@code grader/} when the grader is built
 * ({@code grade.compile.TestSources}) into the jar's {@value #RESOURCE}, by test class and
 * display name. Tests hidden for good are left out of it.
 */
public final class TestCode {
    public static final String RESOURCE = "grade/test-code.json";
    private final JsonObject byClass;

    TestCode(JsonObject byClass) {
        this.byClass = byClass;
    }

    /** The grader's own index; an empty one when the jar has none (a grader built without it). */
    public static TestCode load() {
        try (InputStream in = TestCode.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new TestCode(new JsonObject());
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new TestCode(JsonParser.parseReader(r).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            return new TestCode(new JsonObject());
        }
    }

    /**
     * The code of {@code e}'s test named {@code name}: the method whose display name it is, or
     * begins with (an invocation of a parameterized test, "name [1] ...").
     */
    public Optional<String> of(Exercise e, String name) {
        for (String testClass : e.tests()) {
            if (!byClass.has(testClass)) {
                continue;
            }
            for (JsonElement m : byClass.getAsJsonArray(testClass)) {
                String shown = m.getAsJsonObject().get("name").getAsString();
                if (name.equals(shown) || name.startsWith(shown + " ")) {
                    return Optional.of(m.getAsJsonObject().get("code").getAsString());
                }
            }
        }
        return Optional.empty();
    }
}
