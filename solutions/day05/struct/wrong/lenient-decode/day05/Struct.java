// Known-wrong: decodes the name with new String(bytes, UTF_8), which silently replaces bad
// bytes with U+FFFD instead of rejecting a name field that is not UTF-8.
package day05;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A fixed-size binary record, like Python's struct.pack("!i32sf", id, name, score). */
public class Struct {

    public record Student(int id, String name, float score) {}

    /** 4 bytes of id, 32 bytes of name, 4 bytes of score. */
    private static final int SIZE = 40;
    private static final int NAME_BYTES = 32;

    public static byte[] pack(Student s) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE); // a ByteBuffer is big-endian unless told otherwise: the "!"
        buf.putInt(s.id());
        buf.put(nameField(s.name()));               // allocate() zero-filled the rest of the field: the NUL padding
        buf.putFloat(4 + NAME_BYTES, s.score());    // absolute put: the score always sits at byte 36
        return buf.array();
    }

    public static Student unpack(byte[] data) {
        if (data.length != SIZE) {
            throw new IllegalArgumentException("a packed Student is " + SIZE + " bytes, not " + data.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        int id = buf.getInt();
        byte[] field = new byte[NAME_BYTES];
        buf.get(field);
        float score = buf.getFloat();
        int end = NAME_BYTES;
        while (end > 0 && field[end - 1] == 0) { // strip the NUL padding, and only that
            end--;
        }
        String name = new String(field, 0, end, StandardCharsets.UTF_8); // bad bytes silently become U+FFFD
        return new Student(id, name, score);
    }

    /**
     * The name in UTF-8, at most 32 bytes. An encoder writing into a 32-byte buffer stops
     * (OVERFLOW) before a character that does not fit whole, so no character is ever split.
     */
    private static byte[] nameField(String name) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)        // a lone surrogate becomes '?', as in getBytes
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(NAME_BYTES);
        encoder.encode(CharBuffer.wrap(name), out, true);
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }
}
