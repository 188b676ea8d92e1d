package grade.cli;

import grade.course.Exercise;
import picocli.CommandLine.Parameters;

/** The DAY EXERCISE arguments of the commands that act on one exercise. */
final class OneExercise {
    @Parameters(index = "0", paramLabel = "DAY", description = "The day, such as day03.")
    String day;

    @Parameters(index = "1", paramLabel = "EXERCISE", description = "The exercise, such as tail.")
    String exercise;

    Exercise in(Context ctx) {
        return ctx.exercise(ctx.day(day), exercise);
    }
}
