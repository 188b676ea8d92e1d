// Known-wrong: reads the file as a String and sends text.length() as Content-Length:
// characters, not bytes, so Chinese text is cut short (and binary files are mangled).
package day05;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
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
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static file server: {@code java day05.HttpServer PORT DOCROOT}. The course's http_server.py,
 * grown up: every file under DOCROOT, GET and HEAD, the right status codes, and nothing outside.
 */
public class HttpServer {

    /** METHOD TARGET HTTP/x.y: a method is a token, the target has no spaces. */
    private static final Pattern REQUEST_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) HTTP/\\d\\.\\d");
    /** The most a request's line and headers may take, so a client cannot fill our memory. */
    private static final int MAX_HEAD = 16 * 1024;
    /** A client silent this long is dropped; it never blocks another client meanwhile. */
    private static final int IDLE_MILLIS = 10_000;

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8",
            "png", "image/png",
            "jpg", "image/jpeg");

    /** What to answer: a status, and either a file or a short HTML page. */
    private record Response(int status, String reason, Path file, String extraHeader) {
        static Response error(int status, String reason) {
            return new Response(status, reason, null, null);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: java day05.HttpServer PORT DOCROOT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path docroot = Path.of(args[1]);
        if (!Files.isDirectory(docroot)) {
            System.err.println("HttpServer: " + docroot + " is not a folder");
            System.exit(1);
        }
        Path root = docroot.toRealPath(); // the real path: links resolved, so startsWith checks are exact

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            System.out.println("listening on http://127.0.0.1:" + port + "/");
            // One thread per connection: a client that sends nothing ties up its own thread only.
            ExecutorService workers = Executors.newCachedThreadPool();
            while (true) {
                Socket client = server.accept();
                workers.execute(() -> serve(client, root));
            }
        }
    }

    private static void serve(Socket client, Path root) {
        try (client) {
            client.setSoTimeout(IDLE_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return; // connected and left without a request
            }
            String requestLine = head.lines().findFirst().orElse("");
            Matcher m = REQUEST_LINE.matcher(requestLine);
            Response response = m.matches() ? answer(m.group(1), m.group(2), root) : Response.error(400, "Bad Request");
            boolean headOnly = m.matches() && m.group(1).equals("HEAD");
            System.out.println(client.getInetAddress().getHostAddress() + " \"" + requestLine + "\" " + response.status());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            send(out, response, headOnly);
            out.flush();
        } catch (IOException e) {
            // the client went away or stayed silent too long: nothing to answer
        }
    }

    /**
     * Reads the request line and headers, up to the empty line. A request may arrive in any
     * number of pieces, so this reads until the blank line, never just once. Returns null if the
     * client closed before sending anything.
     */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int newlines = 0; // consecutive line ends, ignoring \r
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (b == '\n') {
                if (++newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
            if (head.size() > MAX_HEAD) {
                break; // too long: what we have is answered 400 if it is not a request line
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The response to a well-formed request line: the method is checked before the target. */
    private static Response answer(String method, String target, Path root) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return new Response(405, "Method Not Allowed", null, "Allow: GET, HEAD");
        }
        if (!target.startsWith("/")) {
            return Response.error(400, "Bad Request");
        }
        int query = target.indexOf('?');
        String path;
        try {
            path = percentDecode(query < 0 ? target : target.substring(0, query));
        } catch (IllegalArgumentException e) {
            return Response.error(400, "Bad Request");
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        Path file;
        try {
            // resolve the path without its leading "/": Path.resolve("/x") would give the absolute /x
            file = root.resolve(path.substring(1)).normalize();
        } catch (InvalidPathException e) {
            return Response.error(404, "Not Found"); // a NUL byte, for instance
        }
        if (!file.startsWith(root)) {
            return Response.error(403, "Forbidden"); // "..", in any spelling, climbed out of DOCROOT
        }
        if (!Files.isRegularFile(file)) {
            return Response.error(404, "Not Found");
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root)) {
                return Response.error(403, "Forbidden"); // a symbolic link that points out of DOCROOT
            }
            return new Response(200, "OK", real, null);
        } catch (IOException e) {
            return Response.error(404, "Not Found");
        }
    }

    /**
     * %XX sequences are bytes of UTF-8 text: collect the bytes first, then decode them together
     * (a Chinese character is three %XX). A "+" stays a "+": URLDecoder, which turns it into a
     * space, is for HTML form data, not for paths.
     */
    static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("a % without two hex digits");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("a % without two hex digits");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c); // the request line was read as ISO-8859-1: one char per byte
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path is not UTF-8", e);
        }
    }

    private static void send(OutputStream out, Response r, boolean headOnly) throws IOException {
        byte[] page = null;
        long length;
        String type;
        String text = null;
        if (r.file() != null) {
            text = new String(Files.readAllBytes(r.file()), StandardCharsets.UTF_8); // the file as text
            length = text.length(); // characters, not bytes: 张 counts 1 but takes 3 bytes
            type = contentType(r.file());
        } else {
            page = ("<!DOCTYPE html>\n<html><head><title>" + r.status() + " " + r.reason() + "</title></head>"
                    + "<body><h1>" + r.status() + " " + r.reason() + "</h1></body></html>\n").getBytes(StandardCharsets.UTF_8);
            length = page.length;
            type = "text/html; charset=utf-8";
        }
        StringBuilder head = new StringBuilder()
                .append("HTTP/1.1 ").append(r.status()).append(' ').append(r.reason()).append("\r\n")
                .append("Content-Type: ").append(type).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        if (r.extraHeader() != null) {
            head.append(r.extraHeader()).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (headOnly) {
            return; // HEAD: the same headers as GET, no body
        }
        if (page != null) {
            out.write(page);
        } else {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
