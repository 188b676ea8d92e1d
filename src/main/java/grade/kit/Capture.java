package grade.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Drains one output stream of a learner process on its own thread, keeping at most {@code cap}
 * bytes (and counting the rest), and splitting complete lines for {@code awaitLine}.
 */
final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final int cap;
    private final long limit;
    private final Runnable onLimit;
    private long total;
    private boolean ended;
    private final Thread thread;

    Capture(InputStream in, int cap, String name) {
        this(in, cap, Long.MAX_VALUE, () -> { }, name);
    }

    /** Like the plain capture; when more than {@code limit} bytes arrive, {@code onLimit} runs once. */
    Capture(InputStream in, int cap, long limit, Runnable onLimit, String name) {
        this.cap = cap;
        this.limit = limit;
        this.onLimit = onLimit;
        this.thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (accept(buf, n)) {
                    onLimit.run();
                }
            }
        } catch (IOException e) {
            // the process was destroyed; what was read so far stays
        } finally {
            synchronized (this) {
                if (partial.size() > 0) {
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                }
                ended = true;
                notifyAll();
            }
        }
    }

    /** Keeps what fits; true when this read took the total past the limit. */
    private synchronized boolean accept(byte[] buf, int n) {
        boolean over = total <= limit && total + n > limit;
        total += n;
        int room = Math.max(0, Math.min(n, cap - kept.size()));
        kept.write(buf, 0, room);
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                String line = partial.toString(StandardCharsets.UTF_8);
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                partial.reset();
            } else if (partial.size() < cap) {
                partial.write(buf[i]);
            }
        }
        notifyAll();
        return over;
    }

    synchronized byte[] bytes() {
        return kept.toByteArray();
    }

    synchronized boolean truncated() {
        return total > cap;
    }

    synchronized long total() {
        return total;
    }

    /** Waits until a line at index {@code from} or later matches; returns its index or -1. */
    synchronized int awaitLine(int from, java.util.function.Predicate<String> match, long deadlineNanos)
            throws InterruptedException {
        int i = from;
        while (true) {
            for (; i < lines.size(); i++) {
                if (match.test(lines.get(i))) {
                    return i;
                }
            }
            long left = deadlineNanos - System.nanoTime();
            if (ended || left <= 0) {
                return -1;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized String line(int i) {
        return lines.get(i);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits for the stream to end (the process closed it or died). */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    String text() {
        String s = new String(bytes(), StandardCharsets.UTF_8);
        return truncated() ? s + Say.pick("\n[… output cut: " + (total() - cap) + " more bytes]",
                "\n[… 输出太长，已截断：后面还有 " + (total() - cap) + " 个字节]") : s;
    }
}
