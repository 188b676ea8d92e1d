package day02;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/** Text and bytes, like Python's str.encode(), bytes.decode(), len(...) and bytes.hex(). */
public class Bytes {

    /** The UTF-8 bytes of {@code text}; a lone surrogate becomes {@code ?}, as Java's encoder writes it. */
    public static byte[] encode(String text) {
        Objects.requireNonNull(text, "text");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The text UTF-8 {@code data} stands for. Not every byte string is text: malformed input
     * throws, where {@code new String(data, UTF_8)} would quietly put U+FFFD in its place.
     */
    public static String decode(byte[] data) throws CharacterCodingException {
        Objects.requireNonNull(data, "data");
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return strict.decode(ByteBuffer.wrap(data)).toString();
    }

    /** How many bytes {@code encode(text)} returns, counted from the characters without encoding. */
    public static int utf8Length(String text) {
        Objects.requireNonNull(text, "text");
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;                      // ASCII
            } else if (c < 0x800) {
                bytes += 2;                      // Latin accents, Greek, Cyrillic, ...
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;                      // a surrogate pair: one code point past U+FFFF, e.g. an emoji
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;                      // a lone surrogate: the encoder writes '?'
            } else {
                bytes += 3;                      // the rest of the BMP, Chinese included
            }
        }
        return bytes;
    }

    /** Lower-case hex, two digits per byte, like Python's bytes.hex(). */
    public static String hex(byte[] data) {
        Objects.requireNonNull(data, "data");
        return HexFormat.of().formatHex(data);
    }

    /** Whether every byte is ASCII (0x00 to 0x7F). */
    public static boolean isAscii(byte[] data) {
        Objects.requireNonNull(data, "data");
        for (byte b : data) {
            if (b < 0) { // Java's byte is signed: 0x80 to 0xFF are the negative values
                return false;
            }
        }
        return true;
    }
}
