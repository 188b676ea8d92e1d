package grade.compile;

/** The Java running grade has no compiler (a JRE, not a JDK): a configuration the user fixes. */
public final class NoCompilerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoCompilerException(String message) {
        super(message);
    }
}
