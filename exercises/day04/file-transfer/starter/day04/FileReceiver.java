package day04;

/**
 * Receives files: java day04.FileReceiver PORT DIR
 * One upload per connection, one connection after another, for ever; each file is saved as
 * DIR/NAME and answered with one line, OK or ERR reason, after which the connection is closed.
 * Print a line containing "listening" once the server socket is bound.
 * Read the statement first: ./grade show day04 file-transfer
 */
public class FileReceiver {
    public static void main(String[] args) throws Exception {
        // TODO: check DIR exists (else a message on stderr, exit 1)
        // TODO: bind 127.0.0.1:PORT, print "listening", then serve one client after another:
        //       read the header, check the name, save the content through a temporary file, answer
        System.out.println("TODO: FileReceiver is not written yet");
    }
}
