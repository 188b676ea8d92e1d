package grade.mutants;

import grade.course.EquivalentMutant;
import grade.course.Exercise;
import java.util.List;

/**
 * What {@code grade mutants} found for one exercise.
 *
 * @param error   why its mutants could not be graded (its reference solution fails), or null
 * @param mutants every mutant made, in the order PIT made them
 * @param stale   records of equivalent mutants that match no mutant left unkilled
 * @param millis  how long it took (the run's time when {@code cached})
 * @param cached  the results of an earlier run of the same solution, tests and grader
 */
public record ExerciseMutants(Exercise exercise, String error, List<MutantResult> mutants, List<EquivalentMutant> stale,
                              long millis, boolean cached) {

    static ExerciseMutants failed(Exercise e, String error, long millis) {
        return new ExerciseMutants(e, error, List.of(), List.of(), millis, false);
    }

    public int made() {
        return mutants.size();
    }

    public long killed() {
        return mutants.stream().filter(MutantResult::killed).count();
    }

    public long survived() {
        return mutants.stream().filter(MutantResult::survived).count();
    }

    /** Mutants on lines that no test runs: not run, and not killed. */
    public long notCovered() {
        return mutants.stream().filter(m -> !m.covered()).count();
    }

    public long accounted() {
        return mutants.stream().filter(m -> m.equivalent() != null).count();
    }

    /** The mutants not killed: survivors, and those on lines no test runs. */
    public List<MutantResult> survivors() {
        return mutants.stream().filter(m -> !m.killed()).toList();
    }

    /** The share of mutants killed or accounted for, in whole percent (rounded down; 100 when none was made). */
    public int score() {
        return made() == 0 ? 100 : (int) ((killed() + accounted()) * 100 / made());
    }

    /** No error, and every survivor accounted for. */
    public boolean ok() {
        return error == null && mutants.stream().noneMatch(MutantResult::unaccounted);
    }
}
