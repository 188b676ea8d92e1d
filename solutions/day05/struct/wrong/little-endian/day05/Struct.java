// Known-wrong: packs the id and the score little-endian (the x86 order, struct's "<" or "@")
// instead of network order ("!"); pack and unpack agree with each other, so a round trip looks fine.
package day05;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A fixed-size binary record, like Python's struct.pack("!i32sf", id, name, score). */
public class Struct {

    public record Student(int id, String name, float score) {}

    /** 4 bytes of id, 32 bytes of name, 4 bytes of score. */
    private static final int SIZE = 40;
    private static final int NAME_BYTES = 32;

    public static byte[] pack(Student s) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN); // "the machine's order"
        buf.putInt(s.id());
        buf.put(nameField(s.name()));               // allocate() zero-filled the rest of the field: the NUL padding
        buf.putFloat(4 + NAME_BYTES, s.score());    // absolute put: the score always sits at byte 36
        return buf.array();
    }

    public static Student unpack(byte[] data) {
        if (data.length != SIZE) {
            throw new IllegalArgumentException("a packed Student is " + SIZE + " bytes, not " + data.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int id = buf.getInt();
        byte[] field = new byte[NAME_BYTES];
        buf.get(field);
        float score = buf.getFloat();
        int end = NAME_BYTES;
        while (end > 0 && field[end - 1] == 0) { // strip the NUL padding, and only that
            end--;
        }
        try {
            String name = StandardCharsets.UTF_8.newDecoder() // a decoder reports bad bytes; new String(...) would hide them
                    .decode(ByteBuffer.wrap(field, 0, end))
                    .toString();
            return new Student(id, name, score);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the name field is not UTF-8: "
                    + HexFormat.of().formatHex(field, 0, end), e);
        }
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
