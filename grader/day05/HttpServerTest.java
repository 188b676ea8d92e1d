package day05;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Text;
import grade.kit.Zh;
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
        add("json", "a file named json, with no extension\n".getBytes(UTF_8));
        add("hello world.txt", "hello, world\n".getBytes(UTF_8));
        add("你好.txt", "你好，世界\n".getBytes(UTF_8));
        add("a+b.txt", "a plus b\n".getBytes(UTF_8));
        add("sub/page.html", "<!DOCTYPE html>\n<p>a page in a folder</p>\n".getBytes(UTF_8));
        Files.createSymbolicLink(www.resolve("out.txt"), Path.of("../secret.txt"));
        Files.createSymbolicLink(www.resolve("outdir"), dir);
        Expect.that(Files.readString(www.resolve("out.txt"), UTF_8).equals(Files.readString(secretFile, UTF_8)), Say.pick("the test's link does not work", "测试自己的符号链接不起作用"));
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
            throw Expect.fail(Say.pick("java.net.http.HttpClient could not get an answer to " + method + " " + path + ": " + e
                    + "\n(is the response a status line, headers, an empty line, then exactly Content-Length bytes?)\n",
                    "java.net.http.HttpClient 没能得到 " + method + " " + path + " 的响应：" + e
                    + "\n（响应是不是响应行、响应头、空行，然后正好 Content-Length 个字节？）\n") + server.describeOutput());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Expect.fail(Say.pick("interrupted", "被中断了"));
        }
    }

    private void noSecret(String request, byte[] body) {
        String text = new String(body, UTF_8);
        Expect.that(!text.contains(secret.substring(secret.lastIndexOf(' ') + 1)), Say.pick("for " + request
                + " your server sent the content of a file OUTSIDE DOCROOT (" + dir.resolve("secret.txt")
                + "). A client must never read anything outside DOCROOT.", "对于 " + request + "，你的服务器发送了 DOCROOT 之外的文件（"
                + dir.resolve("secret.txt") + "）的内容。客户端绝不能读到 DOCROOT 之外的任何东西。"));
    }

    private static String mediaType(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse(null);
    }

    private static void status(String what, int expected, int actual, String head) {
        if (expected != actual) {
            Expect.fail(what + Say.pick(": expected status " + expected + " but got " + actual, "：响应码应该是 " + expected + "，但得到的是 " + actual)
                    + (head == null ? "" : Say.pick("\n  the response:\n", "\n  响应：\n") + head));
        }
    }

    // ---- the tests ----

    @Test
    @DisplayName("GET / and GET /index.html serve index.html: status 200, Content-Type text/html, the right Content-Length (HttpClient)")
    @Zh("GET / 和 GET /index.html 返回 index.html：响应码 200，Content-Type text/html，Content-Length 正确（HttpClient）")
    void getIndex() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            byte[] index = files.get("index.html");
            for (String path : List.of("/", "/index.html")) {
                HttpResponse<byte[]> r = client(port, "GET", path, server);
                status("GET " + path, 200, r.statusCode(), r.headers().map().toString());
                Expect.equal(typeOf(path), "text/html", mediaType(r));
                Expect.equal(Say.pick("Content-Length for GET " + path + " (index.html has " + index.length + " bytes)",
                        "GET " + path + " 的 Content-Length（index.html 有 " + index.length + " 个字节）"),
                        "" + index.length, r.headers().firstValue("content-length").orElse(Say.pick("(none)", "（没有）")));
                Expect.sameBytes(bodyOf(path), index, r.body());
            }
        }
    }

    @Test
    @DisplayName("Content-Type follows the extension: .html .css .js .json .txt .png .jpg, application/octet-stream otherwise")
    @Zh("Content-Type 由扩展名决定：.html .css .js .json .txt .png .jpg，其他都是 application/octet-stream")
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
        types.put("json", Set.of("application/octet-stream")); // a name, not an extension
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (Map.Entry<String, Set<String>> e : types.entrySet()) {
                String path = "/" + e.getKey();
                HttpResponse<byte[]> r = client(port, "GET", path, server);
                status("GET " + path, 200, r.statusCode(), r.headers().map().toString());
                String type = mediaType(r);
                Expect.that(e.getValue().contains(type), typeOf(path) + Say.pick(": expected ", "：应该是 ")
                        + String.join(Say.pick(" or ", " 或 "), e.getValue().stream().sorted().toList()) + Say.pick(" but got ", "，但得到的是")
                        + (type == null ? Say.pick("no Content-Type", "没有 Content-Type") : Text.show(type)));
                boolean binary = e.getKey().endsWith(".png") || e.getKey().endsWith(".jpg");
                Expect.sameBytes(bodyOf(path) + Say.pick(" (the file's exact bytes" + (binary ? "; a binary file must not be read as text" : "")
                        + ")", "（文件原样的字节" + (binary ? "；二进制文件不能当作文本读" : "") + "）"), files.get(e.getKey()), r.body());
            }
        }
    }

    @Test
    @DisplayName("Content-Length counts bytes, not characters: a text file in Chinese")
    @Zh("Content-Length 数的是字节，不是字符：一个中文文本文件")
    void contentLengthInBytes() {
        byte[] notes = files.get("notes.txt");
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            RawHttp.Reply r = raw(port, "GET", "/notes.txt");
            status("GET /notes.txt", 200, r.status(), r.head());
            Expect.equal(Say.pick("Content-Length of /notes.txt, which holds " + NOTES.length() + " characters in " + notes.length
                    + " bytes of UTF-8", "/notes.txt 的 Content-Length（它有 " + NOTES.length() + " 个字符，UTF-8 下 " + notes.length
                    + " 个字节）"), "" + notes.length, r.header("content-length"));
            Expect.sameBytes(bodyOf("/notes.txt"), notes, r.body());
            HttpResponse<byte[]> viaClient = client(port, "GET", "/notes.txt", server);
            Expect.sameBytes(bodyOf("/notes.txt") + Say.pick(" (HttpClient)", "（HttpClient）"), notes, viaClient.body());
        }
    }

    @Test
    @DisplayName("HEAD answers the same status and headers as GET, and no body")
    @Zh("HEAD 回答和 GET 一样的响应码和响应头，没有响应体")
    void head() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String path : List.of("/notes.txt", "/", "/logo.png")) {
                RawHttp.Reply get = raw(port, "GET", path);
                RawHttp.Reply head = raw(port, "HEAD", path);
                status("HEAD " + path, 200, head.status(), head.head());
                Expect.equal(Say.pick("Content-Length of HEAD " + path + " (the same as for GET)",
                        "HEAD " + path + " 的 Content-Length（和 GET 的一样）"), get.header("content-length"), head.header("content-length"));
                Expect.equal(Say.pick("the media type of HEAD " + path + " (the same as for GET)", "HEAD " + path + " 的媒体类型（和 GET 的一样）"),
                        get.mediaType(), head.mediaType());
                Expect.that(head.body().length == 0, Say.pick("HEAD " + path + " must send the headers only, but after them your server sent "
                        + head.body().length + " more bytes: ", "HEAD " + path + " 只能发送响应头，但你的服务器在响应头之后又发送了 "
                        + head.body().length + " 个字节：") + Text.show(Arrays.copyOf(head.body(), Math.min(80, head.body().length))));
            }
            HttpResponse<byte[]> r = client(port, "HEAD", "/index.html", server);
            status("HEAD /index.html (HttpClient)", 200, r.statusCode(), null);
        }
    }

    @Test
    @DisplayName("the path is percent-decoded: /hello%20world.txt, a Chinese file name, and a + stays a +")
    @Zh("路径要做百分号解码：/hello%20world.txt、中文文件名，+ 仍然是 +")
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
                String why = e.getKey().contains("+") ? Say.pick(" (only %XX is decoded in a path: a + is a plus, not a space as in form data)",
                        "（路径里只解码 %XX：+ 就是加号，不像表单数据里那样表示空格）")
                        : e.getKey().contains("%E4") || e.getKey().contains("%e4")
                        ? Say.pick(" (the %XX bytes are the UTF-8 of 你好: decode the bytes together, not one character per %XX)",
                        "（这些 %XX 字节是“你好”的 UTF-8：要把这些字节合在一起解码，而不是每个 %XX 解码成一个字符）") : "";
                status("GET " + e.getKey() + Say.pick(", which names the file ", " 指的是文件 ") + Text.show(e.getValue()) + why, 200,
                        r.statusCode(), null);
                Expect.sameBytes(bodyOf(e.getKey()), files.get(e.getValue()), r.body());
            }
        }
    }

    @Test
    @DisplayName("a missing file is 404 Not Found with a short HTML body")
    @Zh("文件不存在时回答 404 Not Found，带一个简短的 HTML 响应体")
    void notFound() {
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String path : List.of("/missing.html", "/sub/missing.txt", "/nothing/here")) {
                RawHttp.Reply r = raw(port, "GET", path);
                status("GET " + path + Say.pick(" (there is no such file)", "（没有这个文件）"), 404, r.status(), r.head());
                Expect.equal(Say.pick("the media type of the 404 page for GET " + path, "GET " + path + " 的 404 页面的媒体类型"),
                        "text/html", r.mediaType());
                Expect.that(r.body().length > 0 && new String(r.body(), UTF_8).contains("<"), Say.pick("the 404 response for GET " + path
                        + " should have a short HTML body (such as <h1>404 Not Found</h1>), but its body is ", "GET " + path
                        + " 的 404 响应应该有一个简短的 HTML 响应体（比如 <h1>404 Not Found</h1>），但它的响应体是 ") + Text.show(r.body()));
            }
            HttpResponse<byte[]> r = client(port, "GET", "/missing.html", server);
            status("GET /missing.html (HttpClient)", 404, r.statusCode(), null);
            HttpResponse<byte[]> ok = client(port, "GET", "/index.html", server);
            status(Say.pick("GET /index.html after the 404s", "404 之后的 GET /index.html"), 200, ok.statusCode(), null);
        }
    }

    @Test
    @DisplayName("other methods get 405 with Allow: GET, HEAD (POST, PUT, DELETE, lower-case get), checked before the target")
    @Zh("其他方法（POST、PUT、DELETE、小写的 get）回答 405 和 Allow: GET, HEAD，先检查方法再检查目标")
    void methodNotAllowed() {
        List<String[]> cases = List.of(
                new String[] {"POST", "/index.html", ""},
                new String[] {"PUT", "/index.html", ""},
                new String[] {"DELETE", "/index.html", ""},
                new String[] {"OPTIONS", "/", ""},
                new String[] {"get", "/index.html", caseSensitive()},
                new String[] {"Head", "/index.html", caseSensitive()},
                new String[] {"DELETE", "/missing.html", Say.pick(" (the method is checked before the target, so not 404)",
                        "（先检查方法，再检查目标，所以不是 404）")},
                new String[] {"POST", "/../secret.txt", Say.pick(" (the method is checked before the target)", "（先检查方法，再检查目标）")});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                RawHttp.Reply r = raw(port, c[0], c[1]);
                status(c[0] + " " + c[1] + c[2], 405, r.status(), r.head());
                String allow = r.header("allow");
                Set<String> methods = allow == null ? Set.of()
                        : Arrays.stream(allow.split(",")).map(String::strip).collect(Collectors.toSet());
                Expect.that(methods.equals(Set.of("GET", "HEAD")), Say.pick("the 405 response to " + c[0] + " " + c[1]
                        + " should have the header `Allow: GET, HEAD`, but ", "对 " + c[0] + " " + c[1]
                        + " 的 405 响应应该有响应头 `Allow: GET, HEAD`，但") + (allow == null ? Say.pick("it has no Allow header", "它没有 Allow 响应头")
                        : Say.pick("it has `Allow: " + allow + "`", "它的是 `Allow: " + allow + "`")) + Say.pick("\n  the response:\n", "\n  响应：\n")
                        + r.head());
            }
            HttpResponse<byte[]> r = client(port, "POST", "/index.html", server);
            status("POST /index.html (HttpClient)", 405, r.statusCode(), null);
        }
    }

    @Test
    @DisplayName("400 Bad Request for a request line that is not METHOD TARGET HTTP/x.y, or a target not starting with /")
    @Zh("请求行不是 METHOD TARGET HTTP/x.y，或目标不以 / 开头：回答 400 Bad Request")
    void badRequest() {
        List<String[]> cases = List.of(
                new String[] {"HELLO\r\n\r\n", Say.pick("a single word", "只有一个单词")},
                new String[] {"GET /index.html\r\n\r\n", Say.pick("no HTTP version", "没有 HTTP 版本")},
                new String[] {"GET /index.html FTP/1.0\r\nHost: x\r\n\r\n", Say.pick("FTP/1.0 instead of HTTP/x.y", "是 FTP/1.0，而不是 HTTP/x.y")},
                new String[] {"GET index.html HTTP/1.1\r\nHost: x\r\n\r\n", noSlash()},
                new String[] {"GET ../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n", noSlash()});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                RawHttp.Reply r = raw(port, c[0], false);
                status(RawHttp.firstLine(c[0]) + aside(c[1]), 400, r.status(), r.head());
            }
            RawHttp.Reply ok = raw(port, "GET", "/index.html");
            status(Say.pick("GET /index.html after the bad requests", "错误的请求之后的 GET /index.html"), 200, ok.status(), ok.head());
        }
    }

    @Test
    @DisplayName("nothing outside DOCROOT is ever served: /../, %2e%2e, %2E%2E%2F, ..%2f, //absolute/path, symbolic links out → 403 or 404")
    @Zh("绝不提供 DOCROOT 之外的任何东西：/../、%2e%2e、%2E%2E%2F、..%2f、//absolute/path、指向外面的符号链接 → 403 或 404")
    void traversal() {
        String absolute = dir.resolve("secret.txt").toString().replace("%", "%25").replace(" ", "%20");
        List<String[]> cases = List.of(
                new String[] {"/../secret.txt", Say.pick("plain ..", "普通的 ..")},
                new String[] {"/%2e%2e/secret.txt", Say.pick(".. percent-encoded: check the path after decoding it",
                        "百分号编码的 ..：要在解码之后检查路径")},
                new String[] {"/%2E%2E%2Fsecret.txt", Say.pick("../ percent-encoded, in capitals", "百分号编码的 ../，大写")},
                new String[] {"/..%2fsecret.txt", Say.pick("a / percent-encoded", "百分号编码的 /")},
                new String[] {"/sub/../../secret.txt", Say.pick("climbing out through a folder", "经过子目录往上爬出去")},
                new String[] {"/sub/%2e%2e/%2E%2E/secret.txt", Say.pick("climbing out through a folder, encoded", "经过子目录往上爬出去，编码过的")},
                new String[] {"/" + absolute, Say.pick("an absolute path after the first / (Path.resolve(\"/x\") gives /x itself)",
                        "第一个 / 之后是绝对路径（Path.resolve(\"/x\") 得到的就是 /x 本身）")},
                new String[] {"/out.txt", Say.pick("a symbolic link in DOCROOT pointing to ../secret.txt", "DOCROOT 里指向 ../secret.txt 的符号链接")},
                new String[] {"/outdir/secret.txt", Say.pick("a symbolic link in DOCROOT pointing to the folder above it",
                        "DOCROOT 里指向上一级目录的符号链接")});
        int port = Ports.free();
        try (LearnerProgram server = start(port)) {
            for (String[] c : cases) {
                String request = RawHttp.request("GET", c[0], port);
                RawHttp.Reply r = RawHttp.exchange(port, request, false);
                noSecret(RawHttp.firstLine(request) + aside(c[1]), r.body());
                Expect.that(r.status() == 403 || r.status() == 404, "GET " + c[0] + aside(c[1]) + Say.pick(" must be refused with 403"
                        + " or 404: it leads outside DOCROOT. Your server answered:\n", "必须用 403 或 404 拒绝：它通到 DOCROOT 之外。"
                        + "你的服务器的响应：\n") + r.head());
            }
            RawHttp.Reply ok = raw(port, "GET", "/index.html");
            status(Say.pick("GET /index.html after the attempts", "这些尝试之后的 GET /index.html"), 200, ok.status(), ok.head());
        }
    }

    @Test
    @DisplayName("a request that arrives in several pieces is answered in full")
    @Zh("分成几段到达的请求得到完整的响应")
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
                    Expect.fail(Say.pick("the test sent GET /notes.txt in pieces 150 ms apart; by the time it had sent " + Text.show(sent.toString())
                            + ", your server had closed the connection", "测试把 GET /notes.txt 分成几段发送，每段间隔 150 ms；测试才发送了 "
                            + Text.show(sent.toString()) + "，你的服务器就关闭了连接") + (answer.length == 0 ? ""
                            : Say.pick(", having answered ", "，它的响应是 ") + Text.show(answer))
                            + Say.pick(".\nOne read() may return just \"GE\": keep reading until the empty line"
                            + " that ends the headers.", "。\n一次 read() 可能只返回 \"GE\"：要一直读到结束请求头的那个空行。"));
                }
                sent.append(piece);
                sleep(150); // the pieces must arrive apart: that is what this test is about
            }
            RawHttp.Reply r = RawHttp.read(peer, request, false, Duration.ofSeconds(5));
            noSecret("GET /notes.txt", r.body());
            status(Say.pick("GET /notes.txt, sent in " + pieces.length + " pieces 150 ms apart (one read() may return just \"GE\":"
                    + " read until the empty line that ends the headers)", "分成 " + pieces.length + " 段、每段间隔 150 ms 发送的 GET /notes.txt"
                    + "（一次 read() 可能只返回 \"GE\"：要一直读到结束请求头的那个空行）"), 200, r.status(), r.head());
            Expect.sameBytes(Say.pick("the body of GET /notes.txt sent in pieces", "分段发送的 GET /notes.txt 的响应体"),
                    files.get("notes.txt"), r.body());
        }
    }

    @Test
    @DisplayName("a client that connects and sends nothing does not keep another client waiting more than 1 second")
    @Zh("连接后什么都不发送的客户端，不会让另一个客户端等待超过 1 秒")
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
                        tries.add(Say.pick("try " + i + ": no answer within 3 s", "第 " + i + " 次：3 s 内没有响应"));
                        continue;
                    }
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    status(Say.pick("GET /notes.txt while another client is connected", "另一个客户端连着时的 GET /notes.txt"), 200, r.status(), r.head());
                    fast = millis <= 1000;
                    tries.add(Say.pick("try " + i + ": answered after " + millis + " ms", "第 " + i + " 次：" + millis + " ms 之后才响应"));
                }
                Expect.that(fast, Say.pick("a client was connected to your server and sent nothing; meanwhile a second client's GET /notes.txt"
                        + " must be answered within 1 s, but " + String.join(", ", tries)
                        + ".\nServe each connection on its own thread, so that a silent client blocks only its own.\n",
                        "一个客户端连着你的服务器，什么都不发送；同时第二个客户端的 GET /notes.txt 必须在 1 s 内得到响应，但"
                        + String.join("，", tries) + "。\n每个连接用单独的线程服务，这样不发送的客户端只会挡住它自己。\n")
                        + server.describeOutput());
                Expect.that(server.isAlive(), Say.pick("your server exited while a client was idle.\n", "一个客户端闲着的时候，你的服务器退出了。\n")
                        + server.describeOutput());
            }
            RawHttp.Reply after = raw(port, "GET", "/index.html");
            status(Say.pick("GET /index.html after the idle client left", "闲着的客户端离开之后的 GET /index.html"), 200, after.status(), after.head());
        }
    }

    private static String typeOf(String path) {
        return Say.pick("the media type of Content-Type for GET " + path, "GET " + path + " 的 Content-Type 的媒体类型");
    }

    private static String bodyOf(String path) {
        return Say.pick("the body of GET " + path, "GET " + path + " 的响应体");
    }

    private static String aside(String note) {
        return Say.pick(" (" + note + ")", "（" + note + "）");
    }

    private static String caseSensitive() {
        return Say.pick(" (methods are case-sensitive: only GET and HEAD are allowed)", "（方法区分大小写：只允许 GET 和 HEAD）");
    }

    private static String noSlash() {
        return Say.pick("a target that does not start with /", "目标不以 / 开头");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
