package grade.runner;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Collects what learner code prints during one test, up to a cap, counting what was cut. */
final class OutputCapture extends OutputStream {
    private final int cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    OutputCapture(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < cap) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, cap - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
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
