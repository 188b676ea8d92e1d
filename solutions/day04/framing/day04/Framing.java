package day04;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * Length-prefixed frames: the usual cure for TCP's "sticky packets" (粘包). TCP delivers a
 * stream of bytes with no message boundaries, so each message is sent as a 4-byte big-endian
 * length followed by exactly that many bytes, and the reader always knows where one ends.
 */
public class Framing {
    /** The largest payload a frame may carry; a reader refuses anything bigger before allocating. */
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    /** Writes one frame: the payload's length (4 bytes, big-endian), then the payload. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME) {
            // checked before anything is written, so the stream is never left with half a frame
            throw new IllegalArgumentException("a frame holds at most " + MAX_FRAME + " bytes, not " + payload.length);
        }
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(payload);
        out.flush();
    }

    /**
     * Reads one frame and returns its payload; {@code null} when the stream ends cleanly before a
     * frame starts.
     *
     * @throws EOFException when the stream ends inside a frame
     * @throws IOException  when the header announces a negative length or more than MAX_FRAME
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null; // a clean end: no frame had started
        }
        // DataInputStream adds no buffer of its own, so it never reads past this frame;
        // readFully loops until it has every byte, however the bytes were split on the way.
        DataInputStream data = new DataInputStream(in);
        byte[] rest = new byte[3];
        data.readFully(rest); // EOFException if the stream ends inside the header
        int length = first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | (rest[2] & 0xff);
        if (length < 0 || length > MAX_FRAME) {
            // check before allocating: a broken or hostile header must not cost 2 GiB of memory,
            // and before reading: the bytes it announces may never come
            throw new IOException("bad frame header: length " + Integer.toUnsignedString(length)
                    + " is not between 0 and " + MAX_FRAME);
        }
        byte[] payload = new byte[length];
        data.readFully(payload); // EOFException if the stream ends inside the payload
        return payload;
    }
}
