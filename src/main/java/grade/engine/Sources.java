package grade.engine;

import grade.course.Course;
import grade.course.Exercise;
import grade.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the learner files of an exercise come from: a workspace, the reference solutions, the
 * starters, or one known-wrong solution. Each root mirrors the workspace's layout
 * ({@code day03/Offsets.java}).
 */
public record Sources(String label, Function<Exercise, Path> rootOf, Optional<Path> workspace) {

    public Sources(String label, Function<Exercise, Path> rootOf) {
        this(label, rootOf, Optional.empty());
    }

    /** The label in {@code lang}, for what a learner reads. */
    public String label(grade.course.Lang lang) {
        if (lang == grade.course.Lang.EN) {
            return label;
        }
        for (String[] w : new String[][] {{"workspace ", "工作区 "}, {"submission ", "提交的文件 "}, {"reference solutions", "参考答案"},
            {"starters", "初始文件"}, {"known-wrong solutions", "已知错误的答案"}}) {
            if (label.startsWith(w[0])) {
                return w[1] + label.substring(w[0].length());
            }
        }
        return label;
    }

    public Path root(Exercise e) {
        return rootOf.apply(e);
    }

    public static Sources of(Workspace w) {
        return new Sources("workspace " + w.root(), e -> w.root(), Optional.of(w.root()));
    }

    public static Sources solutions(Course c) {
        return new Sources("reference solutions", c::solution);
    }

    public static Sources starters() {
        return new Sources("starters", Exercise::starterRoot);
    }
}
