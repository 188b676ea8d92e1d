package day05;

/**
 * A fixed-size binary record, like Python's struct.pack("!i32sf", id, name, score).
 * Read the statement first: ./grade show day05 struct
 */
public class Struct {

    /** One student: the record that pack turns into 40 bytes and unpack turns back. */
    public record Student(/* TODO: int id, String name, float score */) {}

    /** 40 bytes: the id (4 bytes, big-endian), the name (32 bytes, UTF-8, NUL-padded), the score (4 bytes, big-endian). */
    public static byte[] pack(Student s) {
        // TODO: a ByteBuffer of 40 bytes; putInt, the name's bytes (at most 32, whole characters only), putFloat
        throw new UnsupportedOperationException("TODO: pack");
    }

    /** The Student packed in these 40 bytes; IllegalArgumentException for anything else. */
    public static Student unpack(byte[] data) {
        // TODO: check the length, read the three fields, strip the NUL padding, decode the name strictly
        throw new UnsupportedOperationException("TODO: unpack");
    }
}
