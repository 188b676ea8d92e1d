package grade.report;

import java.util.Locale;

/** pass: every test passed; fail: a test failed; error: it could not be run (it did not compile, the run crashed). */
public enum Status {
    PASS, FAIL, ERROR;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
