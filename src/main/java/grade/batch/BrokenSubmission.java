package grade.batch;

/** A submission that cannot be graded at all (a corrupt zip, nothing to grade): its row says why. */
public final class BrokenSubmission extends Exception {
    private static final long serialVersionUID = 1L;

    public BrokenSubmission(String message) {
        super(message);
    }
}
