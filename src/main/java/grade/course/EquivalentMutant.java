package grade.course;

/**
 * A mutant of the reference solution that no test can tell from it, as an instructor records it
 * in the exercise's {@code exercise.json} under {@code "equivalentMutants"} for {@code grade
 * mutants}. It is matched by what the mutant is, never by a line number, so that it follows the
 * line when the solution is edited around it.
 *
 * @param className   the mutated class, such as {@code day03.Offsets} ({@code "class"})
 * @param method      the mutated method, such as {@code readFrom}
 * @param mutator     PIT's mutator, such as {@code ConditionalsBoundaryMutator}
 * @param line        the text of the mutated source line, without its indentation
 * @param description PIT's words for the change ({@code "removed call to java/io/RandomAccessFile::seek"}),
 *                    or "" to match every mutant of that mutator on that line
 * @param reason      one line: why no test could see the change
 */
public record EquivalentMutant(String className, String method, String mutator, String line, String description, String reason) {

    /** Whether this record names the mutant described by these values (the line compared without its indentation). */
    public boolean matches(String className, String method, String mutator, String line, String description) {
        return this.className.equals(className) && this.method.equals(method) && this.mutator.equals(mutator)
                && this.line.strip().equals(line.strip()) && (this.description.isEmpty() || this.description.equals(description));
    }
}
