// Known-wrong: allocates a buffer of the announced length before checking it against MAX_FRAME,
// so a broken or hostile header costs 16 MiB (or fails with OutOfMemoryError for 0x7FFFFFFF).
package day04;

import java.io.DataInputStream;
import java.io.EOFException;
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
        int first = in.read();
        if (first == -1) {
            return null;
        }
        DataInputStream data = new DataInputStream(in);
        byte[] rest = new byte[3];
        data.readFully(rest);
        int length = first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | (rest[2] & 0xff);
        byte[] payload = new byte[length];
        if (length > MAX_FRAME) {
            throw new IOException("frame too big: " + length);
        }
        data.readFully(payload);
        return payload;
    }
}
