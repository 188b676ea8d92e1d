package grade.workspace;

/** A workspace is missing or unusable; the message says what to do. */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }
}
