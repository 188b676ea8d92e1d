// Unchanged reference receiver: the mistake of "no-length-prefix" is in FileSender.java.
package day04;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Receives one file per connection and saves it in DIR.
 *
 * <p>The upload is framed, so no {@code sleep} is needed between the name and the content:
 * a 2-byte big-endian name length, the name (UTF-8), an 8-byte big-endian content length, then
 * the content. The answer is one line, {@code OK} or {@code ERR reason}.
 */
public class FileReceiver {
    static final int MAX_NAME_BYTES = 255;
    /** A client that sends nothing for this long is dropped, so it cannot block the others for ever. */
    static final int IDLE_MILLIS = 10_000;

    /** Why an upload is refused; the message goes back to the sender after "ERR ". */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java day04.FileReceiver PORT DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        if (!Files.isDirectory(dir)) {
            System.err.println("FileReceiver: " + dir + ": no such folder");
            System.exit(1);
        }
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("FileReceiver listening on port " + port + ", saving into " + dir);
            while (true) {
                // one client after another; whatever goes wrong with one must not stop the next
                try (Socket client = server.accept()) {
                    client.setSoTimeout(IDLE_MILLIS);
                    serve(client, dir);
                } catch (IOException e) {
                    System.out.println("upload dropped: " + e);
                }
            }
        } catch (IOException e) {
            System.err.println("FileReceiver: cannot listen on port " + port + ": " + e.getMessage());
            System.exit(1);
        }
    }

    private static void serve(Socket client, Path dir) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
        OutputStream out = client.getOutputStream();

        byte[] nameBytes = new byte[in.readUnsignedShort()];
        in.readFully(nameBytes);
        long length = in.readLong();
        if (length < 0) {
            answer(out, "ERR negative content length " + length); // there is nothing to wait for
            return;
        }
        String name;
        try {
            name = checkedName(nameBytes);
        } catch (Refused r) {
            // read (and drop) the whole upload first: closing a socket with unread bytes resets
            // the connection, and the sender might never see the answer
            in.skipNBytes(length);
            answer(out, "ERR " + r.getMessage());
            return;
        }

        // Write to a temporary file and rename it only once every byte has arrived: an upload
        // cut off halfway then leaves no half file under the real name. Its name is our own,
        // since the sender's name may already be 255 bytes long.
        Path part = Files.createTempFile(dir, ".upload-", ".part");
        try {
            try (OutputStream file = Files.newOutputStream(part)) {
                copy(in, file, length);
            }
            try {
                Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                answer(out, "ERR cannot save " + name + ": " + e.getMessage());
                return;
            }
        } finally {
            Files.deleteIfExists(part);
        }
        System.out.println("saved " + name + " (" + length + " bytes)");
        answer(out, "OK"); // only now is the file in place
    }

    /** The name as text, or why it is refused. */
    static String checkedName(byte[] bytes) throws Refused {
        if (bytes.length == 0) {
            throw new Refused("empty file name");
        }
        if (bytes.length > MAX_NAME_BYTES) {
            throw new Refused("file name longer than " + MAX_NAME_BYTES + " bytes");
        }
        String name;
        try {
            // a strict decoder: new String(bytes, UTF_8) would quietly turn bad bytes into U+FFFD
            name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("file name is not UTF-8");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new Refused("file name may not be . or ..");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("\0")) {
            throw new Refused("file name may not hold /, \\ or NUL");
        }
        return name;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException("the upload was cut off with " + left + " of " + length + " bytes missing");
            }
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void answer(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
