import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a page opens in headless Chromium: it loads the page RUNS times (after a first,
 * unmeasured load) over the DevTools protocol on 127.0.0.1 and reads the browser's own timings,
 * from the start of the navigation to the first contentful paint and to the end of the load
 * event. Prints the median, min and max of each in milliseconds.
 *
 *   java -cp 'target/lib/*' bench/ReportPaint.java PAGE.html [RUNS]      (RUNS defaults to 5)
 */
public class ReportPaint {
    private static final BlockingQueue<JsonObject> MESSAGES = new LinkedBlockingQueue<>();
    private static int lastId;

    public static void main(String[] args) throws Exception {
        Path page = Path.of(args[0]).toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path profile = Files.createTempDirectory("report-paint-");
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1280,900", "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = port(chromium);
            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String ws = null;
            for (var target : JsonParser.parseString(list).getAsJsonArray()) {
                if (target.getAsJsonObject().get("type").getAsString().equals("page")) {
                    ws = target.getAsJsonObject().get("webSocketDebuggerUrl").getAsString();
                }
            }
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).get(30, TimeUnit.SECONDS);
            call(socket, "Page.enable", "{}");
            call(socket, "Performance.enable", "{}");
            List<Double> paint = new ArrayList<>();
            List<Double> load = new ArrayList<>();
            java.util.Map<String, List<Double>> work = new java.util.LinkedHashMap<>();
            for (int run = 0; run <= runs; run++) {
                call(socket, "Page.navigate", "{\"url\":\"about:blank\"}");
                await("Page.loadEventFired");
                call(socket, "Page.navigate", "{\"url\":\"" + page.toUri() + "\"}");
                await("Page.loadEventFired");
                String timings = null;
                for (int i = 0; i < 50 && (timings == null || timings.contains("null")); i++) {
                    Thread.sleep(i == 0 ? 0 : 100);
                    timings = call(socket, "Runtime.evaluate", "{\"returnByValue\":true,\"expression\":"
                            + "\"JSON.stringify([(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: null}).startTime,"
                            + " performance.getEntriesByType('navigation')[0].loadEventEnd])\"}")
                            .getAsJsonObject("result").getAsJsonObject("result").get("value").getAsString();
                }
                var values = JsonParser.parseString(timings).getAsJsonArray();
                if (run > 0) {
                    paint.add(values.get(0).getAsDouble());
                    load.add(values.get(1).getAsDouble());
                    // The renderer's own busy time since the page was opened, by kind of work.
                    for (var metric : call(socket, "Performance.getMetrics", "{}").getAsJsonObject("result").getAsJsonArray("metrics")) {
                        String name = metric.getAsJsonObject().get("name").getAsString();
                        if (name.endsWith("Duration") && !name.startsWith("DevTools") && !name.startsWith("V8Compile")) {
                            work.computeIfAbsent(name, k -> new ArrayList<>()).add(metric.getAsJsonObject().get("value").getAsDouble() * 1000);
                        }
                    }
                }
            }
            System.out.printf("%s (%.2f MB), %d runs after one to warm up%n", page.getFileName(), Files.size(page) / 1e6, runs);
            System.out.println("first contentful paint: " + summary(paint));
            System.out.println("load event end:         " + summary(load));
            work.forEach((name, ms) -> System.out.println("  " + name + ": " + summary(ms)));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            chromium.waitFor(10, TimeUnit.SECONDS);
            org.apache.commons.io.FileUtils.deleteQuietly(profile.toFile());
        }
    }

    /** The port Chromium says its DevTools listen on. */
    private static int port(Process chromium) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // Chromium is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("Chromium ended without opening its DevTools port");
    }

    private static JsonObject call(WebSocket socket, String method, String params) throws Exception {
        int id = ++lastId;
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(30, TimeUnit.SECONDS);
        while (true) {
            JsonObject m = next();
            if (m.has("id") && m.get("id").getAsInt() == id) {
                return m;
            }
        }
    }

    private static void await(String event) throws Exception {
        while (true) {
            JsonObject m = next();
            if (m.has("method") && m.get("method").getAsString().equals(event)) {
                return;
            }
        }
    }

    private static JsonObject next() throws InterruptedException {
        JsonObject m = MESSAGES.poll(60, TimeUnit.SECONDS);
        if (m == null) {
            throw new IllegalStateException("Chromium said nothing for 60 s");
        }
        return m;
    }

    private static String summary(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("median %.0f ms, min %.0f ms, max %.0f ms", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** Collects the protocol's messages, each whole. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                MESSAGES.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
