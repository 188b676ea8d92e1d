// Known-wrong: reads the header and the payload with one read() each, as if every read returned
// all the bytes asked for. TCP may deliver them in pieces, so frames come back cut short.
package day04;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

public class Framing {
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME) {
            throw new IllegalArgumentException("payload too big: " + payload.length);
        }
        out.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        out.write(payload);
        out.flush();
    }

    public static byte[] readFrame(InputStream in) throws IOException {
        byte[] header = new byte[4];
        int n = in.read(header);
        if (n == -1) {
            return null;
        }
        if (n < 4) {
            throw new EOFException("short header");
        }
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad length " + length);
        }
        byte[] payload = new byte[length];
        int got = length == 0 ? 0 : in.read(payload);
        if (got == -1) {
            throw new EOFException("no payload");
        }
        return Arrays.copyOf(payload, got);
    }
}
