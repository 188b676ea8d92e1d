// Known-wrong: writes and reads the length little-endian (least significant byte first), as
// x86 memory holds an int. Its own frames round-trip, but no other program can read them:
// network byte order is big-endian.
package day04;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

public class Framing {
    public static final int MAX_FRAME = 16 * 1024 * 1024;

    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME) {
            throw new IllegalArgumentException("payload too big: " + payload.length);
        }
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length).array());
        out.write(payload);
        out.flush();
    }

    public static byte[] readFrame(InputStream in) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[4];
        header[0] = (byte) first;
        data.readFully(header, 1, 3);
        int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("bad length " + length);
        }
        byte[] payload = new byte[length];
        data.readFully(payload);
        return payload;
    }
}
