package grade.course;

import java.util.List;

/** The course's definition has mistakes; each problem names its file and what to fix. */
public final class CatalogueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public CatalogueException(List<String> problems) {
        super("the course definition has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
