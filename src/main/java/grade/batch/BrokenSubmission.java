package grade.batch;

import grade.course.Lang;

/** A submission that cannot be graded at all (a corrupt zip, nothing to grade): its row says why. */
public final class BrokenSubmission extends Exception {
    private static final long serialVersionUID = 1L;
    private final String zh;

    /** Why, in English and in Chinese. */
    public BrokenSubmission(String en, String zh) {
        super(en);
        this.zh = zh;
    }

    public String message(Lang lang) {
        return lang.pick(getMessage(), zh);
    }
}
