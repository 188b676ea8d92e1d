package day05;

import grade.kit.Deadlines;
import grade.kit.Expect;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP over a plain socket, for what {@code java.net.http.HttpClient} hides or refuses to send:
 * the exact bytes of a response, bodies after HEAD, malformed request lines, raw ".." targets.
 */
final class RawHttp {
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");

    private RawHttp() {
    }

    /** A response as it came over the socket. Header names are lower case. */
    record Reply(String request, int status, String rawHead, Map<String, List<String>> headers, byte[] body) {
        /** The first value of a header, or null. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** The media type of Content-Type, without parameters such as {@code ; charset=utf-8}. */
        String mediaType() {
            String type = header("content-type");
            return type == null ? null : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }

        /** The status line and headers as they came, for a message. */
        String head() {
            return Text.indent(Text.block(rawHead.replace("\r\n", "\n").strip(), 1200), "    |");
        }
    }

    /** The request line of a raw request, for messages. */
    static String firstLine(String request) {
        int end = request.indexOf('\r');
        return Text.show(end < 0 ? request : request.substring(0, end));
    }

    /** A request with a Host and {@code Connection: close}, the usual way. */
    static String request(String method, String target, int port) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: grade\r\nConnection: close\r\n\r\n";
    }

    /** Sends a raw request on a new connection and reads the response. */
    static Reply exchange(int port, String request, boolean headRequest) {
        try (TcpPeer peer = TcpPeer.connect(port)) {
            peer.send(request.getBytes(StandardCharsets.UTF_8));
            return read(peer, request, headRequest, Duration.ofSeconds(5));
        }
    }

    /**
     * Reads one response: the status line and headers, then the body by Content-Length (or to the
     * end of the connection without one). After a HEAD request, whatever arrives within half a
     * second after the headers is returned as the body, which should be empty.
     */
    static Reply read(TcpPeer peer, String request, boolean headRequest, Duration timeout) {
        Socket socket = peer.socket();
        long deadline = System.nanoTime() + Deadlines.cap(timeout).toNanos();
        String what = Say.pick("the response to " + firstLine(request), firstLine(request) + " 的响应");
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int newlines = 0;
            while (newlines < 2) {
                int b = readByte(in, socket, deadline);
                if (b == -2) {
                    throw Deadlines.ranOut(Say.pick("waited " + seconds(timeout) + " for " + what + "; your server sent "
                            + (head.size() == 0 ? "nothing" : Text.show(head.toByteArray()) + " and then nothing more (a response's"
                            + " headers end with an empty line, \\r\\n\\r\\n)"), "等了 " + seconds(timeout) + "，还是没有等到" + what
                            + "；你的服务器" + (head.size() == 0 ? "什么也没发送" : "只发送了 " + Text.show(head.toByteArray())
                            + "，之后就没有了（响应头以空行 \\r\\n\\r\\n 结束）")));
                }
                if (b == -1) {
                    throw Expect.fail(Say.pick("your server closed the connection " + (head.size() == 0 ? "without answering "
                            + firstLine(request) : "in the middle of the headers of " + what + ": " + Text.show(head.toByteArray())),
                            head.size() == 0 ? "你的服务器没有响应 " + firstLine(request) + " 就关闭了连接"
                            : "你的服务器在" + what + "的响应头中间关闭了连接：" + Text.show(head.toByteArray())));
                }
                head.write(b);
                if (b == '\n') {
                    newlines++;
                } else if (b != '\r') {
                    newlines = 0;
                }
                if (head.size() > 64 * 1024) {
                    throw Expect.fail(what + Say.pick(" has more than 64 KiB of headers without the empty line that ends them",
                            "的响应头超过了 64 KiB，却没有结束它们的空行"));
                }
            }
            String rawHead = head.toString(StandardCharsets.UTF_8);
            List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().filter(l -> !l.isEmpty()).toList();
            String statusLine = lines.isEmpty() ? "" : lines.get(0);
            Matcher m = STATUS_LINE.matcher(statusLine);
            if (!m.matches()) {
                throw Expect.fail(Say.pick("the first line of " + what + " should be a status line such as \"HTTP/1.1 200 OK\", but it is ",
                        what + "的第一行应该是像 \"HTTP/1.1 200 OK\" 这样的响应行，但它是 ") + Text.show(statusLine));
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw Expect.fail(Say.pick("in " + what + ", the header line " + Text.show(line) + " is not `Name: value`",
                            "在" + what + "中，响应头这一行 " + Text.show(line) + " 不是 `Name: value` 的形式"));
                }
                headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(m.group(1));
            byte[] body;
            List<String> length = headers.get("content-length");
            if (headRequest) {
                body = readAvailable(in, socket, System.nanoTime() + 500_000_000L);
            } else if (length != null) {
                long n;
                try {
                    n = Long.parseLong(length.get(0));
                } catch (NumberFormatException e) {
                    throw Expect.fail(Say.pick("in " + what + ", Content-Length is " + Text.show(length.get(0)) + ", not a number",
                            "在" + what + "中，Content-Length 是 " + Text.show(length.get(0)) + "，不是数字"));
                }
                if (n < 0 || n > 64L << 20) {
                    throw Expect.fail(Say.pick("in " + what + ", Content-Length is " + n + ", which cannot be right here",
                            "在" + what + "中，Content-Length 是 " + n + "，这在这里不可能是对的"));
                }
                body = readBody(in, socket, (int) n, deadline, what);
            } else {
                body = readToEnd(in, socket, deadline, what);
            }
            return new Reply(request, status, rawHead, headers, body);
        } catch (IOException e) {
            throw Expect.fail(Say.pick("reading " + what + " failed: ", "读取" + what + "时出错：") + e.getMessage());
        }
    }

    private static byte[] readBody(InputStream in, Socket socket, int n, long deadline, String what) throws IOException {
        byte[] body = new byte[n];
        int got = 0;
        while (got < n) {
            setTimeout(socket, deadline);
            int r;
            try {
                r = in.read(body, got, n - got);
            } catch (SocketTimeoutException e) {
                r = -2;
            }
            if (r == -2 || (r < 0)) {
                throw Expect.fail(Say.pick(what + " announced Content-Length: " + n + " but your server "
                        + (r == -2 ? "sent only " + got + " bytes of body and then nothing more" : "closed the connection after "
                        + got + " bytes of body") + " (Content-Length counts the bytes of the body, not its characters)",
                        what + "给出了 Content-Length: " + n + "，但你的服务器" + (r == -2 ? "只发送了 " + got + " 个字节的响应体，之后就没有了"
                        : "发送了 " + got + " 个字节的响应体就关闭了连接") + "（Content-Length 数的是响应体的字节，不是字符）"));
            }
            got += r;
        }
        return body;
    }

    private static byte[] readToEnd(InputStream in, Socket socket, long deadline, String what) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            setTimeout(socket, deadline);
            int r;
            try {
                r = in.read(buf);
            } catch (SocketTimeoutException e) {
                throw Expect.fail(what + Say.pick(" has no Content-Length header and your server kept the connection open,"
                        + " so the client cannot tell where the body ends (send Content-Length, or close the connection)",
                        "没有 Content-Length 响应头，你的服务器又一直开着连接，客户端就不知道响应体在哪里结束（要发送 Content-Length，或者关闭连接）"));
            } catch (IOException e) {
                return body.toByteArray(); // a reset after the body
            }
            if (r < 0) {
                return body.toByteArray();
            }
            body.write(buf, 0, r);
        }
    }

    /** Whatever the peer sends within {@code wait}, until it closes; for a message after a failed send. */
    static byte[] drain(TcpPeer peer, Duration wait) {
        try {
            return readAvailable(peer.socket().getInputStream(), peer.socket(), System.nanoTime() + wait.toNanos());
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Whatever arrives before the deadline or the end of the connection. */
    private static byte[] readAvailable(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (System.nanoTime() < deadline) {
            setTimeout(socket, deadline);
            try {
                int r = in.read(buf);
                if (r < 0) {
                    break;
                }
                got.write(buf, 0, r);
            } catch (SocketTimeoutException e) {
                break;
            } catch (IOException e) {
                break; // reset: nothing more can come
            }
        }
        return got.toByteArray();
    }

    /** One byte, -1 at the end of the stream, -2 at the deadline. */
    private static int readByte(InputStream in, Socket socket, long deadline) throws IOException {
        if (!setTimeout(socket, deadline)) {
            return -2;
        }
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    private static boolean setTimeout(Socket socket, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
        return left > 0;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
