package grade.course;

import java.util.List;

/** One day of the course and its exercises, in teaching order. */
public record Day(String id, Localized title, List<Exercise> exercises) {
}
