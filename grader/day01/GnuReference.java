package day01;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import grade.kit.Say;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;

/**
 * What GNU's wc, head, tail and grep print for a {@link GnuCase}: run live when the machine has
 * the GNU tools, otherwise (Windows, macOS) as recorded from them in {@code day01/recordings.json}.
 *
 * <p>A tool is run live only if its {@code --version} says GNU and it reproduces the recorded
 * output of its probe cases (so a machine without a {@code C.UTF-8} locale, for one, falls back
 * to the recordings).
 *
 * <p>To record again after changing {@link GnuCases}, on a machine with GNU coreutils and grep:
 * <pre>./grade list &gt;/dev/null &amp;&amp; java -cp target/grade.jar day01.GnuReference grader/day01/recordings.json</pre>
 */
public final class GnuReference {
    /** Where the recordings travel: beside the hidden tests, as a classpath resource. */
    public static final String RESOURCE = "/day01/recordings.json";

    private static final long DEADLINE_SECONDS = 10;
    private static final Map<String, Boolean> LIVE = new ConcurrentHashMap<>();
    private static volatile Map<String, Recording> recordings;

    private GnuReference() {
    }

    /** What a GNU tool printed: stdout's bytes, stderr as text, and the exit status. */
    public record Output(byte[] stdout, String stderr, int exit) {
    }

    /** What the hidden tests compare with, and where it comes from (for messages). */
    public record Expected(Output output, String source) {
    }

    /**
     * One recorded case: the command, its locale, the input files and stdin as given, and what
     * GNU printed on stdout with its exit status.
     */
    public record Recording(String id, List<String> command, String locale, Map<String, String> files, String stdin,
            String stdout, int exit) {

        /** Whether this recording was made from exactly this case's inputs. */
        public boolean sameInputs(GnuCase c) {
            return command.equals(c.gnuCommand()) && locale.equals(c.locale()) && files.equals(c.files())
                    && stdin.equals(c.stdin());
        }

        /** The recorded inputs as a case, to run them again. */
        public GnuCase asCase() {
            String tool = command.get(0);
            List<String> args = command.subList(tool.equals("grep") ? 2 : 1, command.size());
            return new GnuCase(id, tool, args, files, stdin);
        }
    }

    /**
     * GNU's output for {@code c}, whose files are already written in {@code dir}: live when the
     * tool is usable on this machine, recorded otherwise.
     */
    public static Expected expected(GnuCase c, Path dir) {
        if (usableLive(c.tool())) {
            try {
                return new Expected(run(c, dir), "GNU " + c.tool() + Say.pick(" on this machine (LC_ALL=" + c.locale() + ")", "（本机，LC_ALL=" + c.locale() + "）"));
            } catch (IOException e) {
                // fall back to the recording below
            }
        }
        Recording r = recordings().get(c.id());
        if (r == null || !r.sameInputs(c)) {
            throw new IllegalStateException("the recorded GNU output of day01 case " + c.id() + " is "
                    + (r == null ? "missing" : "out of date") + " in " + RESOURCE
                    + " and GNU " + c.tool() + " is not available here: record again (see GnuReference)");
        }
        return new Expected(new Output(r.stdout().getBytes(StandardCharsets.UTF_8), "", r.exit()),
                "GNU " + c.tool() + Say.pick(" (recorded under LC_ALL=" + c.locale() + ")", "（在 LC_ALL=" + c.locale() + " 下录制）"));
    }

    /** Runs GNU's tool for {@code c} in {@code dir}, where the case's files already are. */
    public static Output run(GnuCase c, Path dir) throws IOException {
        Path io = Files.createTempDirectory("gnu-" + c.tool() + "-");
        try {
            Path in = Files.write(io.resolve("stdin"), c.stdin().getBytes(StandardCharsets.UTF_8));
            Path out = io.resolve("stdout");
            Path err = io.resolve("stderr");
            ProcessBuilder pb = new ProcessBuilder(c.gnuCommand()).directory(dir.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("LC_") || k.startsWith("GREP_") || k.equals("POSIXLY_CORRECT"));
            env.put("LANG", c.locale());
            env.put("LC_ALL", c.locale());
            Process p = pb.start();
            try {
                if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(c.commandLine() + " did not finish within " + DEADLINE_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running " + c.commandLine(), e);
            }
            return new Output(Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
        } finally {
            FileUtils.deleteQuietly(io.toFile());
        }
    }

    /** The first line of {@code tool --version} if it names GNU, otherwise null (missing, or BSD's tool). */
    public static String gnuVersion(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            return p.exitValue() == 0 && first.contains("GNU") ? first.strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether {@code tool} is GNU's and reproduces the recordings of its probe cases here. */
    static boolean usableLive(String tool) {
        return LIVE.computeIfAbsent(tool, t -> gnuVersion(t) != null && GnuCases.probes(t).stream().allMatch(GnuReference::asRecorded));
    }

    /** Whether the tool prints here what was recorded for {@code probe} (true if nothing was recorded). */
    private static boolean asRecorded(GnuCase probe) {
        Recording r = recordings().get(probe.id());
        if (r == null) {
            return true;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gnu-probe-");
            probe.writeFiles(dir);
            Output o = run(probe, dir);
            return o.exit() == r.exit() && Arrays.equals(o.stdout(), r.stdout().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        } finally {
            if (dir != null) {
                FileUtils.deleteQuietly(dir.toFile());
            }
        }
    }

    /** The recordings by case id, read once from {@link #RESOURCE}; empty if there are none. */
    public static Map<String, Recording> recordings() {
        Map<String, Recording> r = recordings;
        if (r == null) {
            r = new LinkedHashMap<>();
            try (InputStream in = GnuReference.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    JsonObject root = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
                    for (var e : root.getAsJsonArray("cases")) {
                        Recording one = new Gson().fromJson(e, Recording.class);
                        r.put(one.id(), one);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + RESOURCE, e);
            }
            recordings = r;
        }
        return r;
    }

    /** Records every case of {@link GnuCases} with the GNU tools of this machine into the file named by args[0]. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp target/grade.jar day01.GnuReference grader/day01/recordings.json");
            System.exit(2);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        for (String tool : List.of("wc", "head", "tail", "grep")) {
            String v = gnuVersion(tool);
            if (v == null) {
                System.err.println("GNU " + tool + " is not on the PATH: recordings must come from GNU coreutils and GNU grep");
                System.exit(1);
            }
            versions.put(tool, v);
        }
        List<Recording> cases = new ArrayList<>();
        for (GnuCase c : GnuCases.all()) {
            Path dir = Files.createTempDirectory("gnu-record-");
            try {
                c.writeFiles(dir);
                Output o = run(c, dir);
                cases.add(new Recording(c.id(), c.gnuCommand(), c.locale(), c.files(), c.stdin(), utf8(o.stdout()), o.exit()));
            } finally {
                FileUtils.deleteQuietly(dir.toFile());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "What GNU's tools printed for each day01 case (stdout and exit status), for machines without"
                + " them. Made by day01.GnuReference from grader/day01/GnuCases.java; checked by Day01RecordingsTest.");
        root.put("tools", versions);
        root.put("cases", cases);
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        Files.writeString(Path.of(args[0]), gson.toJson(root) + "\n", StandardCharsets.UTF_8);
        System.out.println("recorded " + cases.size() + " cases into " + args[0]);
    }

    private static String utf8(byte[] stdout) throws CharacterCodingException {
        // inputs are UTF-8 and the tools cut only at newlines, so the output is UTF-8 text too;
        // a strict decode guarantees that the recording holds exactly the bytes GNU printed
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(stdout)).toString();
    }
}
