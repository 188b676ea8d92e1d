package grade.mutants;

/**
 * One mutant of a reference solution and what its run did.
 *
 * @param className   the mutated class, such as {@code day03.Offsets}
 * @param method      the mutated method
 * @param mutator     PIT's mutator, such as {@code ConditionalsBoundaryMutator}
 * @param description PIT's words for the change
 * @param file        the solution's source file, such as {@code day03/Offsets.java}
 * @param line        the mutated line
 * @param source      the text of that line, without its indentation
 * @param covered     whether a test ran the line: a mutant on a line no test runs is not run
 * @param killedBy    the first test that failed, errored or timed out, or null: the mutant survived
 * @param equivalent  why a survivor is equivalent, from the exercise's records, or null
 */
public record MutantResult(String className, String method, String mutator, String description, String file, int line,
                           String source, boolean covered, String killedBy, String equivalent) {

    public boolean killed() {
        return killedBy != null;
    }

    /** Not killed, though a test ran its line. */
    public boolean survived() {
        return covered && killedBy == null;
    }

    /** A mutant not killed (on a line no test runs, or a survivor) that no record accounts for. */
    public boolean unaccounted() {
        return killedBy == null && equivalent == null;
    }

    MutantResult withEquivalent(String reason) {
        return new MutantResult(className, method, mutator, description, file, line, source, covered, killedBy, reason);
    }
}
