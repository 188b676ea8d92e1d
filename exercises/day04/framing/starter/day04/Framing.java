package day04;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames over a byte stream: the cure for TCP's sticky packets (粘包).
 * A frame is a 4-byte big-endian length, then that many bytes of payload.
 * Read the statement first: ./grade show day04 framing
 */
public class Framing {
    /** The largest payload a frame may carry. */
    public static final int MAX_FRAME = 0; // TODO: 16 MiB, as the statement says

    /** Writes one frame: the payload's length (4 bytes, big-endian), then the payload. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        // TODO: refuse a payload over MAX_FRAME (IllegalArgumentException), then write the header and the payload
        throw new UnsupportedOperationException("TODO: writeFrame");
    }

    /**
     * Reads one frame and returns its payload: null at a clean end of stream before a frame
     * starts, EOFException when the stream ends inside a frame, IOException (without allocating)
     * when the length is negative or over MAX_FRAME.
     */
    public static byte[] readFrame(InputStream in) throws IOException {
        // TODO: read the 4-byte header (however the bytes arrive), check the length, read the payload
        throw new UnsupportedOperationException("TODO: readFrame");
    }
}
