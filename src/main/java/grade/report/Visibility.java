package grade.report;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Who sees a hidden test's name, message and output: everyone (visible), nobody but instructors
 * until the end of a day (hidden until), or nobody but instructors (hidden). A learner always
 * sees whether it passed and the points it earned.
 *
 * @param until the last day it is hidden, for {@link Kind#HIDDEN_UNTIL} only
 */
public record Visibility(Kind kind, LocalDate until) {
    public enum Kind { VISIBLE, HIDDEN_UNTIL, HIDDEN }

    public static final Visibility VISIBLE = new Visibility(Kind.VISIBLE, null);
    public static final Visibility HIDDEN = new Visibility(Kind.HIDDEN, null);

    public Visibility {
        if ((kind == Kind.HIDDEN_UNTIL) != (until != null)) {
            throw new IllegalArgumentException("a date goes with hidden-until, and only with it");
        }
    }

    public static Visibility until(LocalDate lastHiddenDay) {
        return new Visibility(Kind.HIDDEN_UNTIL, lastHiddenDay);
    }

    /** Hidden on {@code today}: always, or until a day that is not over yet (the last hidden day included). */
    public boolean hiddenOn(LocalDate today) {
        return switch (kind) {
            case VISIBLE -> false;
            case HIDDEN -> true;
            case HIDDEN_UNTIL -> !today.isAfter(until);
        };
    }

    /** visible, hidden_until or hidden. */
    public String json() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public Optional<LocalDate> untilDate() {
        return Optional.ofNullable(until);
    }
}
