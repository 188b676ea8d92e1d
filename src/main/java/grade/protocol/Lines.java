package grade.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * Lines of UTF-8 over a connected socket channel, for both ends. Reads and writes lock
 * separately, so one thread may wait for a line while another writes.
 */
public final class Lines {
    /** The longest line either side accepts: a result carries at most 64 KiB of output and 8,000 characters of message. */
    public static final int MAX = 4 << 20;

    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final Object writing = new Object();

    public Lines(SocketChannel channel) {
        this.channel = channel;
        in.flip();
    }

    /** Writes one line and its end. */
    public void write(String line) throws IOException {
        ByteBuffer out = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        synchronized (writing) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }

    /** The next line, without its end; EOFException at the end of the stream. */
    public String read() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (true) {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            if (line.size() > MAX) {
                throw new IOException("a line longer than " + MAX + " bytes");
            }
            in.clear();
            int n = channel.read(in);
            in.flip();
            if (n < 0) {
                throw new EOFException();
            }
            if (Thread.interrupted()) {
                throw new InterruptedIOException();
            }
        }
    }
}
