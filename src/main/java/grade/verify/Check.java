package grade.verify;

/**
 * One check of one exercise.
 *
 * @param detail what failed, or what caught a wrong solution
 * @param millis how long the exercise's tests took, when the check graded it
 */
public record Check(String exercise, String name, boolean ok, String detail, long millis) {
    Check(String exercise, String name, boolean ok, String detail) {
        this(exercise, name, ok, detail, 0);
    }
}
