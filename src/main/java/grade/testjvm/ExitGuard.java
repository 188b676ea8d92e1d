package grade.testjvm;

import java.security.Permission;

/**
 * Turns System.exit and Runtime.halt in learner code into an exception the test reports, so a
 * learner method that ends the JVM fails one test instead of the whole run. Only the runner may
 * end the JVM, after it has written its results.
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {
    private volatile boolean open;

    /** Installs the guard where the JVM still allows it (Java 17 to 23); returns null elsewhere. */
    static ExitGuard install() {
        try {
            ExitGuard guard = new ExitGuard();
            System.setSecurityManager(guard);
            return guard;
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    void open() {
        open = true;
    }

    @Override
    public void checkExit(int status) {
        if (!open) {
            throw new ExitAttempt(status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        if (!open && perm instanceof RuntimePermission && "setSecurityManager".equals(perm.getName())) {
            throw new SecurityException("the grader does not allow replacing its security manager");
        }
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        checkPermission(perm);
    }

    /** Thrown where learner code tried to end the JVM. */
    static final class ExitAttempt extends SecurityException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitAttempt(int status) {
            super("System.exit(" + status + ")");
            this.status = status;
        }
    }
}
