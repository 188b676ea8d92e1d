package day04;

import grade.kit.Say;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/** Input streams that deliver bytes the awkward ways a network does, and a counting sink. */
final class Streams {
    private Streams() {
    }

    /**
     * Gives its bytes (at most {@code chunk} per read) and then stays open: a read after the last
     * byte blocks until the stream is closed, like a socket whose peer sends nothing more but does
     * not hang up.
     */
    static final class OpenStream extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int pos;
        private final CountDownLatch closed = new CountDownLatch(1);

        OpenStream(byte[] data, int chunk) {
            this.data = data.clone();
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            synchronized (this) {
                if (pos < data.length) {
                    int n = Math.min(Math.min(len, chunk), data.length - pos);
                    System.arraycopy(data, pos, b, off, n);
                    pos += n;
                    return n;
                }
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException(Say.pick("the test closed the stream: nothing more was coming", "测试关闭了这个流：不会再有数据了"));
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** Gives its bytes one per read call, then reports the end of the stream. */
    static final class TrickleStream extends InputStream {
        private final byte[] data;
        private int pos;

        TrickleStream(byte[] data) {
            this.data = data.clone();
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }

        @Override
        public int available() {
            return 0;
        }

        /** How many bytes have been taken so far. */
        int consumed() {
            return pos;
        }
    }

    /** Counts what is written and keeps only the first {@code keep} bytes. */
    static final class CountingOutputStream extends OutputStream {
        private final java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        private final int keep;
        private long count;

        CountingOutputStream(int keep) {
            this.keep = keep;
        }

        @Override
        public void write(int b) {
            if (count < keep) {
                head.write(b);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            int room = (int) Math.max(0, Math.min(len, keep - count));
            head.write(b, off, room);
            count += len;
        }

        long count() {
            return count;
        }

        byte[] head() {
            return head.toByteArray();
        }
    }
}
