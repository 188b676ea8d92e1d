// Known-wrong: treats every end of stream as a clean end and returns null, even when the stream
// ends inside a frame; the caller cannot tell a finished conversation from a broken one.
package day04;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

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
        byte[] header = in.readNBytes(4);
        if (header.length < 4) {
            return null;
        }
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad length " + length);
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            return null;
        }
        return payload;
    }
}
