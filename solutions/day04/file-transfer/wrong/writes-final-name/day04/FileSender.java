// Unchanged reference sender: the mistake of "writes-final-name" is in FileReceiver.java.
package day04;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Sends one file to a FileReceiver: a 2-byte name length, the name, an 8-byte content length,
 * the content; then waits for the receiver's one-line answer. The lengths tell the receiver
 * where the name ends and the content begins, so the seed's {@code sleep(0.5)} is not needed
 * (and could never be enough: TCP may still glue the name to the content).
 */
public class FileSender {
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: java day04.FileSender HOST PORT FILE");
            System.exit(2);
        }
        String host = args[0];
        Path file = Path.of(args[2]);
        try {
            int port = Integer.parseInt(args[1]);
            String answer = send(host, port, file);
            if (answer.equals("OK")) {
                System.out.println("sent " + file.getFileName());
                System.exit(0);
            }
            System.err.println(answer.startsWith("ERR ") ? answer.substring(4) : "unexpected answer: " + answer);
        } catch (NumberFormatException e) {
            System.err.println("FileSender: bad port: " + args[1]);
        } catch (NoSuchFileException e) {
            System.err.println("FileSender: no such file: " + file);
        } catch (IOException e) {
            System.err.println("FileSender: " + e.getMessage());
        }
        System.exit(1);
    }

    /** Sends the file and returns the receiver's answer line. */
    static String send(String host, int port, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        if (name.length > 0xFFFF) {
            throw new IOException("the file name is too long to send");
        }
        long size = Files.size(file);
        try (Socket socket = new Socket(host, port); InputStream content = Files.newInputStream(file)) {
            socket.setSoTimeout(60_000); // a receiver that never answers must not hang us for ever
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            out.writeShort(name.length); // the length in bytes, not in characters
            out.write(name);
            out.writeLong(size);
            long sent = content.transferTo(out);
            if (sent != size) {
                throw new IOException(file + " changed size while it was being sent");
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("the receiver closed the connection without answering");
            }
            return answer;
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot connect to " + host + ":" + port, e);
        }
    }
}
