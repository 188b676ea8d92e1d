package grade.testjvm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects what learner code prints during one test, up to a cap, counting what was cut. When
 * everything printed in the run passes {@code runLimit} bytes, {@code onLimit} runs (once): the
 * runner then ends the run, since code that prints without end would otherwise keep it busy.
 */
public final class OutputCapture extends OutputStream {
    private final int cap;
    private final long runLimit;
    private final Runnable onLimit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private long total;

    public OutputCapture(int cap, long runLimit, Runnable onLimit) {
        this.cap = cap;
        this.runLimit = runLimit;
        this.onLimit = onLimit;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        boolean over;
        synchronized (this) {
            int room = Math.max(0, Math.min(len, cap - kept.size()));
            kept.write(b, off, room);
            dropped += len - room;
            over = total <= runLimit && (total += len) > runLimit;
        }
        if (over) {
            onLimit.run();
        }
    }

    /** Returns what was printed since the last call, marked where cut, and starts afresh. */
    synchronized String take() {
        String s = kept.toString(StandardCharsets.UTF_8);
        if (dropped > 0) {
            s += "\n[… output cut: " + dropped + " more bytes]";
        }
        kept.reset();
        dropped = 0;
        return s;
    }
}
