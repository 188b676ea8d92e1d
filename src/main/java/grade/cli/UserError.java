package grade.cli;

/** A mistake in how grade was called or configured: printed as one clear message, exit status 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
