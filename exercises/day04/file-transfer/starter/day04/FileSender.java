package day04;

/**
 * Sends one file: java day04.FileSender HOST PORT FILE
 * The upload: 2-byte big-endian name length, the name (UTF-8, the file's base name),
 * 8-byte big-endian content length, the content. Then one answer line: OK or ERR reason.
 * Exit 0 on OK; exit 1 with the reason on stderr on ERR or any I/O error.
 * Read the statement first: ./grade show day04 file-transfer
 */
public class FileSender {
    public static void main(String[] args) throws Exception {
        // TODO: connect, send the header and the file's bytes, read the answer line, exit 0 or 1
        System.err.println("TODO: FileSender is not written yet");
        System.exit(1);
    }
}
