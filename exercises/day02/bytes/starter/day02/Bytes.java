package day02;

import java.nio.charset.CharacterCodingException;

/**
 * Text and bytes, like Python's str.encode(), bytes.decode() and bytes.hex().
 * Read the statement first: ./grade show day02 bytes
 */
public class Bytes {

    /** The UTF-8 bytes of {@code text}, like Python's text.encode(). */
    public static byte[] encode(String text) {
        // TODO: turn the text into its UTF-8 bytes
        throw new UnsupportedOperationException("TODO: encode");
    }

    /** The text that UTF-8 {@code data} stands for; bytes that are not UTF-8 throw. */
    public static String decode(byte[] data) throws CharacterCodingException {
        // TODO: decode strictly (new String(data, UTF_8) is not strict: it never throws)
        throw new UnsupportedOperationException("TODO: decode");
    }

    /** How many bytes the UTF-8 form of {@code text} has, counted without encoding it. */
    public static int utf8Length(String text) {
        // TODO: count 1, 2, 3 or 4 bytes per character; mind surrogate pairs and lone surrogates
        throw new UnsupportedOperationException("TODO: utf8Length");
    }

    /** Lower-case hex, two digits per byte, like Python's bytes.hex(). */
    public static String hex(byte[] data) {
        // TODO
        throw new UnsupportedOperationException("TODO: hex");
    }

    /** Whether every byte is ASCII (0x00 to 0x7F). */
    public static boolean isAscii(byte[] data) {
        // TODO
        throw new UnsupportedOperationException("TODO: isAscii");
    }
}
