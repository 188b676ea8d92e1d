package day05;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.TcpPeer;
import grade.kit.Text;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day05/http-server")
class HttpServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static final String INDEX = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>首页</title></head>\n"
            + "<body><h1>你好，HTTP</h1><p>The course's index.html.</p></body></html>\n";
    private static final String NOTES = "静夜思\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n";

    @TempDir
    Path dir;
    private Path www;
    private String secret;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /**
     * DOCROOT is dir/www; a secret file sits next to it, in dir, with links pointing at it from
     * inside DOCROOT. Nothing of it may ever be served.
     */
    @BeforeEach
    void docroot() throws IOException {
        www = Files.createDirectory(dir.resolve("www"));
        secret = "TOP-SECRET 机密 " + UUID.randomUUID();
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret + "\n", UTF_8);
        Random random = new Random(5);
        byte[] png = binary(random, 3000, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] jpg = binary(random, 2000, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0});
        add("index.html", INDEX.getBytes(UTF_8));
        add("style.css", "body { font-family: sans-serif; }\nh1 { color: #c00; }\n".getBytes(UTF_8));
        add("app.js", "console.log('你好');\n".getBytes(UTF_8));
        add("data.json", "{\"name\": \"张三\", \"score\": 88.5}\n".getBytes(UTF_8));
        add("notes.txt", NOTES.getBytes(UTF_8));
        add("logo.png", png);
        add("photo.jpg", jpg);
        add("blob.bin", binary(random, 1000, new byte[] {0}));
        add("LICENSE", "Free to use.\n".getBytes(UTF_8));
        add("hello world.txt", "hello, world\n".getBytes(UTF_8));
        add("你好.txt", "你好，世界\n".getBytes(UTF_8));
        add("a+b.txt", "a plus b\n".getBytes(UTF_8));
        add("sub/page.html", "<!DOCTYPE html>\n<p>a page in a folder</p>\n".getBytes(UTF_8));
        Files.createSymbolicLink(www.resolve("out.txt"), Path.of("../secret.txt"));
        Files.createSymbolicLink(www.resolve("outdir"), dir);
        Expect.that(Files.readString(www.resolve("out.txt"), UTF_8).equals(Files.readString(secretFile, UTF_8)), "the test's link does not work");
    }

    private void add(String name, byte[] content) throws IOException {
        Path f = www.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, content);
        files.put(name, content);
    }

    private static byte[] binary(Random random, int size, byte[] magic) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        System.arraycopy(magic, 0, b, 0, magic.length);
        b[size / 2] = (byte) 0xff; // never valid UTF-8: a server that reads files as text breaks them
        b[size / 2 + 1] = (byte) 0xfe;
        return b;
    }

    private LearnerProgram start(int port) {
        return LearnerProgram.of("day05.HttpServer").args("" + port, www.toString()).startServer(port);
    }

    // ---- requests, each checked for the secret ----

    private RawHttp.Reply raw(int port, String method, String target) {
        return raw(port, RawHttp.request(method, target, port), method.equals("HEAD"));
    }

    private RawHttp.Reply raw(int port, String request, boolean head) {
        RawHttp.Reply r = RawHttp.exchange(port, request, head);
        noSecret(RawHttp.firstLine(request), r.body());
        return r;
    }

    private HttpResponse<byte[]> client(int port, String method, String path, LearnerProgram server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<byte[]> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            noSecret(method + " " + path, r.body());
            return r;
        } catch (IOException e) {
            throw Expect.fail("java.net.http.HttpClient could not get an answer to " + method + " " + path + ": " + e
                    + "\n(is the response a status line, headers, an empty line, then exactly Content-Length bytes?)\n"
                    + server.describeOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Expect.fail("interrupted");
        }
    }

    private void noSecret(String request, byte[] body) {
        String text = new String(body, UTF_8);
        Expect.that(!text.contains(secret.substring(secret.lastIndexOf(' ') + 1)), "for " + request + " your server sent the content of a file"
                + " OUTSIDE DOCROOT (" + dir.resolve("secret.txt") + "). A client must never read anything outside DOCROOT.");
    }

    private static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static void status(String what, int expected, int actual, String head) {
        if (expected != actual) {
            Expect.fail(what + ": expected status " + expected + " but got " + actual + (head == null ? "" : "\n  the response:\n" + head));
        }
    }

    // ---- the tests ----

    @Test
    @DisplayName("GET / and GET /index.html serve index.html: status 200, Content-Type text/html, the right Content-Length (HttpClient)")
    void getIndex() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            byte[] index = files.get("index.html");
            for (String path : List.of("/", "/index.html")) {
                HttpResponse<byte[]> r = client(port, "GET", path, server);
                status("GET " + path, 200, r.statusCode(), r.headers().map().toString());
                Expect.equal("the media type of Content-Type for GET " + path, "text/html", mediaType(r));
                Expect.equal("Content-Length for GET " + path + " (index.html has " + index.length + " bytes)",
                        "" + index.length, r.headers().firstValue("content-length").orElse("(none)"));
                Expect.sameBytes("the body of GET " + path, index, r.body());
            }
        }
    }

    @Test
    @DisplayName("Content-Type follows the extension: .html .css .js .json .txt .png .jpg, application/octet-stream otherwise")
    void contentTypes() {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        types.put("style.css", Set.of("text/css"));
        types.put("app.js", Set.of("text/javascript", "application/javascript"));
        types.put("data.json", Set.of("application/json"));
        types.put("notes.txt", Set.of("text/plain"));
        types.put("logo.png", Set.of("image/png"));
        types.put("photo.jpg", Set.of("image/jpeg"));
        types.put("sub/page.html", Set.of("text/html"));
        types.put("blob.bin", Set.of("application/octet-stream"));
        types.put("LICENSE", Set.of("application/octet-stream"));
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (Map.Entry<String, Set<String>> e : types.entrySet()) {
                String path = "/" + e.getKey();
                HttpResponse<byte[]> r = client(port, "GET", path, server);
                status("GET " + path, 200, r.statusCode(), r.headers().map().toString());
                String type = mediaType(r);
                Expect.that(e.getValue().contains(type), "the media type of Content-Type for GET " + path + ": expected "
                        + String.join(" or ", e.getValue().stream().sorted().toList()) + " but got " + (type == null ? "no Content-Type" : Text.show(type)));
                Expect.sameBytes("the body of GET " + path + " (the file's exact bytes" + (e.getKey().endsWith(".png")
                        || e.getKey().endsWith(".jpg") ? "; a binary file must not be read as text" : "") + ")",
                        files.get(e.getKey()), r.body());
            }
        }
    }

    @Test
    @DisplayName("Content-Length counts bytes, not characters: a text file in Chinese")
    void contentLengthInBytes() {
        byte[] notes = files.get("notes.txt");
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            RawHttp.Reply r = raw(port, "GET", "/notes.txt");
            status("GET /notes.txt", 200, r.status(), r.head());
            Expect.equal("Content-Length of /notes.txt, which holds " + NOTES.length() + " characters in " + notes.length
                    + " bytes of UTF-8", "" + notes.length, r.header("content-length"));
            Expect.sameBytes("the body of GET /notes.txt", notes, r.body());
            HttpResponse<byte[]> viaClient = client(port, "GET", "/notes.txt", server);
            Expect.sameBytes("the body of GET /notes.txt (HttpClient)", notes, viaClient.body());
        }
    }

    @Test
    @DisplayName("HEAD answers the same status and headers as GET, and no body")
    void head() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String path : List.of("/notes.txt", "/", "/logo.png")) {
                RawHttp.Reply get = raw(port, "GET", path);
                RawHttp.Reply head = raw(port, "HEAD", path);
                status("HEAD " + path, 200, head.status(), head.head());
                Expect.equal("Content-Length of HEAD " + path + " (the same as for GET)", get.header("content-length"),
                        head.header("content-length"));
                Expect.equal("the media type of HEAD " + path + " (the same as for GET)", get.mediaType(), head.mediaType());
                Expect.that(head.body().length == 0, "HEAD " + path + " must send the headers only, but after them your server sent "
                        + head.body().length + " more bytes: " + Text.show(Arrays.copyOf(head.body(), Math.min(80, head.body().length))));
            }
            HttpResponse<byte[]> r = client(port, "HEAD", "/index.html", server);
            status("HEAD /index.html (HttpClient)", 200, r.statusCode(), null);
        }
    }

    @Test
    @DisplayName("the path is percent-decoded: /hello%20world.txt, a Chinese file name, and a + stays a +")
    void percentDecoding() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/hello%20world.txt", "hello world.txt");
        cases.put("/%E4%BD%A0%E5%A5%BD.txt", "你好.txt");
        cases.put("/%e4%bd%a0%e5%a5%bd.txt", "你好.txt");
        cases.put("/%73ub/page%2Ehtml", "sub/page.html");
        cases.put("/a+b.txt", "a+b.txt");
        cases.put("/a%2Bb.txt", "a+b.txt");
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (Map.Entry<String, String> e : cases.entrySet()) {
                HttpResponse<byte[]> r = client(port, "GET", e.getKey(), server);
                String why = e.getKey().contains("+") ? " (only %XX is decoded in a path: a + is a plus, not a space as in form data)"
                        : e.getKey().contains("%E4") || e.getKey().contains("%e4")
                        ? " (the %XX bytes are the UTF-8 of 你好: decode the bytes together, not one character per %XX)" : "";
                status("GET " + e.getKey() + ", which names the file " + Text.show(e.getValue()) + why, 200, r.statusCode(), null);
                Expect.sameBytes("the body of GET " + e.getKey(), files.get(e.getValue()), r.body());
            }
        }
    }

    @Test
    @DisplayName("a missing file is 404 Not Found with a short HTML body")
    void notFound() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String path : List.of("/missing.html", "/sub/missing.txt", "/nothing/here")) {
                RawHttp.Reply r = raw(port, "GET", path);
                status("GET " + path + " (there is no such file)", 404, r.status(), r.head());
                Expect.equal("the media type of the 404 page for GET " + path, "text/html", r.mediaType());
                Expect.that(r.body().length > 0 && new String(r.body(), UTF_8).contains("<"), "the 404 response for GET " + path
                        + " should have a short HTML body (such as <h1>404 Not Found</h1>), but its body is " + Text.show(r.body()));
            }
            HttpResponse<byte[]> r = client(port, "GET", "/missing.html", server);
            status("GET /missing.html (HttpClient)", 404, r.statusCode(), null);
            HttpResponse<byte[]> ok = client(port, "GET", "/index.html", server);
            status("GET /index.html after the 404s", 200, ok.statusCode(), null);
        }
    }

    @Test
    @DisplayName("other methods get 405 with Allow: GET, HEAD (POST, PUT, DELETE, lower-case get), checked before the target")
    void methodNotAllowed() {
        List<String[]> cases = List.of(
                new String[] {"POST", "/index.html", ""},
                new String[] {"PUT", "/index.html", ""},
                new String[] {"DELETE", "/index.html", ""},
                new String[] {"OPTIONS", "/", ""},
                new String[] {"get", "/index.html", " (methods are case-sensitive: only GET and HEAD are allowed)"},
                new String[] {"Head", "/index.html", " (methods are case-sensitive: only GET and HEAD are allowed)"},
                new String[] {"DELETE", "/missing.html", " (the method is checked before the target, so not 404)"},
                new String[] {"POST", "/../secret.txt", " (the method is checked before the target)"});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                RawHttp.Reply r = raw(port, c[0], c[1]);
                status(c[0] + " " + c[1] + c[2], 405, r.status(), r.head());
                String allow = r.header("allow");
                Set<String> methods = allow == null ? Set.of()
                        : Arrays.stream(allow.split(",")).map(String::strip).collect(Collectors.toSet());
                Expect.that(methods.equals(Set.of("GET", "HEAD")), "the 405 response to " + c[0] + " " + c[1]
                        + " should have the header `Allow: GET, HEAD`, but " + (allow == null ? "it has no Allow header"
                        : "it has `Allow: " + allow + "`") + "\n  the response:\n" + r.head());
            }
            HttpResponse<byte[]> r = client(port, "POST", "/index.html", server);
            status("POST /index.html (HttpClient)", 405, r.statusCode(), null);
        }
    }

    @Test
    @DisplayName("400 Bad Request for a request line that is not METHOD TARGET HTTP/x.y, or a target not starting with /")
    void badRequest() {
        List<String[]> cases = List.of(
                new String[] {"HELLO\r\n\r\n", "a single word"},
                new String[] {"GET /index.html\r\n\r\n", "no HTTP version"},
                new String[] {"GET /index.html FTP/1.0\r\nHost: x\r\n\r\n", "FTP/1.0 instead of HTTP/x.y"},
                new String[] {"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", "a target that does not start with /"},
                new String[] {"GET ../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n", "a target that does not start with /"});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                RawHttp.Reply r = raw(port, c[0], false);
                status(RawHttp.firstLine(c[0]) + " (" + c[1] + ")", 400, r.status(), r.head());
            }
            RawHttp.Reply ok = raw(port, "GET", "/index.html");
            status("GET /index.html after the bad requests", 200, ok.status(), ok.head());
        }
    }

    @Test
    @DisplayName("nothing outside DOCROOT is ever served: /../, %2e%2e, %2E%2E%2F, ..%2f, //absolute/path, symbolic links out → 403 or 404")
    void traversal() {
        String absolute = dir.resolve("secret.txt").toString().replace("%", "%25").replace(" ", "%20");
        List<String[]> cases = List.of(
                new String[] {"/../secret.txt", "plain .."},
                new String[] {"/%2e%2e/secret.txt", ".. percent-encoded: check the path after decoding it"},
                new String[] {"/%2E%2E%2Fsecret.txt", "../ percent-encoded, in capitals"},
                new String[] {"/..%2fsecret.txt", "a / percent-encoded"},
                new String[] {"/sub/../../secret.txt", "climbing out through a folder"},
                new String[] {"/sub/%2e%2e/%2E%2E/secret.txt", "climbing out through a folder, encoded"},
                new String[] {"/" + absolute, "an absolute path after the first / (Path.resolve(\"/x\") gives /x itself)"},
                new String[] {"/out.txt", "a symbolic link in DOCROOT pointing to ../secret.txt"},
                new String[] {"/outdir/secret.txt", "a symbolic link in DOCROOT pointing to the folder above it"});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                String request = RawHttp.request("GET", c[0], port);
                RawHttp.Reply r = RawHttp.exchange(port, request, false);
                noSecret(RawHttp.firstLine(request) + " (" + c[1] + ")", r.body());
                Expect.that(r.status() == 403 || r.status() == 404, "GET " + c[0] + " (" + c[1] + ") must be refused with 403"
                        + " or 404: it leads outside DOCROOT. Your server answered:\n" + r.head());
            }
            RawHttp.Reply ok = raw(port, "GET", "/index.html");
            status("GET /index.html after the attempts", 200, ok.status(), ok.head());
        }
    }

    @Test
    @DisplayName("a request that arrives in several pieces is answered in full")
    void requestInPieces() {
        String[] pieces = {"GE", "T /no", "tes.txt HTTP/1.1\r\nHo", "st: 127.0.0.1\r\n", "Connection: close\r", "\n\r\n"};
        String request = String.join("", pieces);
        int port = Ports.free();
        try (LearnerProgram server = start(port); TcpPeer peer = TcpPeer.connect(port)) {
            StringBuilder sent = new StringBuilder();
            for (String piece : pieces) {
                try {
                    peer.send(piece);
                } catch (AssertionError e) {
                    byte[] answer = RawHttp.drain(peer, Duration.ofMillis(500));
                    noSecret("GET /notes.txt", answer);
                    Expect.fail("the test sent GET /notes.txt in pieces 150 ms apart; by the time it had sent " + Text.show(sent.toString())
                            + ", your server had closed the connection" + (answer.length == 0 ? "" : ", having answered "
                            + Text.show(answer)) + ".\nOne read() may return just \"GE\": keep reading until the empty line"
                            + " that ends the headers.");
                }
                sent.append(piece);
                sleep(150); // the pieces must arrive apart: that is what this test is about
            }
            RawHttp.Reply r = RawHttp.read(peer, request, false, Duration.ofSeconds(5));
            noSecret("GET /notes.txt", r.body());
            status("GET /notes.txt, sent in " + pieces.length + " pieces 150 ms apart (one read() may return just \"GE\":"
                    + " read until the empty line that ends the headers)", 200, r.status(), r.head());
            Expect.sameBytes("the body of GET /notes.txt sent in pieces", files.get("notes.txt"), r.body());
        }
    }

    @Test
    @DisplayName("a client that connects and sends nothing does not keep another client waiting more than 1 second")
    void idleClient() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            RawHttp.Reply warm = raw(port, "GET", "/index.html");
            status("GET /index.html", 200, warm.status(), warm.head());
            try (TcpPeer idle = TcpPeer.connect(port)) {
                List<String> tries = new ArrayList<>();
                boolean fast = false;
                for (int i = 1; i <= 2 && !fast; i++) {
                    String request = RawHttp.request("GET", "/notes.txt", port);
                    long start = System.nanoTime();
                    RawHttp.Reply r;
                    try (TcpPeer peer = TcpPeer.connect(port)) {
                        peer.send(request);
                        r = RawHttp.read(peer, request, false, Duration.ofSeconds(3));
                    } catch (AssertionError e) {
                        tries.add("try " + i + ": no answer within 3 s");
                        continue;
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    status("GET /notes.txt while another client is connected", 200, r.status(), r.head());
                    fast = millis <= 1000;
                    tries.add("try " + i + ": answered after " + millis + " ms");
                }
                Expect.that(fast, "a client was connected to your server and sent nothing; meanwhile a second client's GET /notes.txt"
                        + " must be answered within 1 s, but " + String.join(", ", tries)
                        + ".\nServe each connection on its own thread, so that a silent client blocks only its own.\n"
                        + server.describeOutput());
                Expect.that(server.isAlive(), "your server exited while a client was idle.\n" + server.describeOutput());
            }
            RawHttp.Reply after = raw(port, "GET", "/index.html");
            status("GET /index.html after the idle client left", 200, after.status(), after.head());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
