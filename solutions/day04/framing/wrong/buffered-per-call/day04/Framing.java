// Known-wrong: wraps the stream in a new BufferedInputStream on every call. The buffer reads
// ahead, swallowing the bytes of the next frames, which are lost when the call returns.
package day04;

import java.io.BufferedInputStream;
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
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        int first = data.read();
        if (first == -1) {
            return null;
        }
        byte[] rest = new byte[3];
        data.readFully(rest);
        int length = first << 24 | (rest[0] & 0xff) << 16 | (rest[1] & 0xff) << 8 | (rest[2] & 0xff);
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad length " + length);
        }
        byte[] payload = new byte[length];
        data.readFully(payload);
        return payload;
    }
}
