package grade.hidden;

import grade.kit.Hidden;
import grade.kit.Weight;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A hidden test's weight and visibility, read from its {@link Weight} and {@link Hidden}: the
 * method's own, else its class's, else an enclosing class's (for nested tests). A mistake in
 * them is the test author's, so it is reported in their words and fails the test: a course must
 * not grade on a weight or a date nobody meant.
 *
 * @param visibility visible or hidden
 * @param until      the last hidden day (ISO), or empty
 */
record Marks(int weight, String visibility, String until) {
    static final Marks PLAIN = new Marks(1, "visible", "");

    /** A test author's mistake in an annotation, said so that they can fix it. */
    static final class Mistake extends Exception {
        private static final long serialVersionUID = 1L;

        Mistake(String message) {
            super(message);
        }
    }

    static Marks of(Method method) throws Mistake {
        List<AnnotatedElement> places = new ArrayList<>();
        if (method != null) {
            places.add(method);
            for (Class<?> c = method.getDeclaringClass(); c != null; c = c.getEnclosingClass()) {
                places.add(c);
            }
        }
        return of(places, method == null ? "" : method.getDeclaringClass().getName() + "." + method.getName());
    }

    static Marks of(Class<?> type) throws Mistake {
        List<AnnotatedElement> places = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            places.add(c);
        }
        return of(places, type == null ? "" : type.getName());
    }

    private static Marks of(List<AnnotatedElement> places, String where) throws Mistake {
        Weight weight = first(places, Weight.class);
        Hidden hidden = first(places, Hidden.class);
        if (weight != null && weight.value() < 1) {
            throw new Mistake("@Weight(" + weight.value() + ") on " + where + " is not a weight: write a whole number of 1 or more, such as @Weight(2)");
        }
        String until = "";
        if (hidden != null && !hidden.until().isBlank()) {
            try {
                until = LocalDate.parse(hidden.until().strip()).toString();
            } catch (DateTimeParseException e) {
                throw new Mistake("@Hidden(until = \"" + hidden.until() + "\") on " + where
                        + " is not a date: write the last hidden day as year-month-day, such as @Hidden(until = \"2026-12-15\")");
            }
        }
        return new Marks(weight == null ? 1 : weight.value(), hidden == null ? "visible" : "hidden", until);
    }

    private static <A extends java.lang.annotation.Annotation> A first(List<AnnotatedElement> places, Class<A> type) {
        for (AnnotatedElement p : places) {
            A a = p.getAnnotation(type);
            if (a != null) {
                return a;
            }
        }
        return null;
    }
}
