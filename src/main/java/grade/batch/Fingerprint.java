package grade.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a grade depends on, as one SHA-256: the submission's files (relative paths and bytes;
 * for a zip, its bytes) and a context string naming the grader and the exercises asked. Equal
 * fingerprints mean an earlier result can be reused.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Submission s, String context) throws IOException {
        MessageDigest md = sha256();
        md.update((context + "\0").getBytes(StandardCharsets.UTF_8));
        if (s.zip()) {
            feed(md, s.path());
        } else {
            for (Path f : files(s.path())) {
                md.update((s.path().relativize(f).toString().replace('\\', '/') + "\0").getBytes(StandardCharsets.UTF_8));
                feed(md, f);
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The fingerprint of a context alone: of the tests a batch grades with (see {@link BatchRun}). */
    public static String of(String context) {
        return HexFormat.of().formatHex(sha256().digest(context.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The identity of the grader that runs: the bytes of every entry of its class path (its jar,
     * holding the hidden tests) and the Java version.
     */
    public static String grader() {
        MessageDigest md = sha256();
        md.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            try {
                for (Path f : Files.isDirectory(p) ? files(p) : Files.isRegularFile(p) ? List.of(p) : List.<Path>of()) {
                    md.update((f.toString() + "\0").getBytes(StandardCharsets.UTF_8));
                    feed(md, f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The identity of a course as graded: the grader ({@link #grader}) and every file under the
     * course's {@code exercises/}, {@code solutions/} and {@code grader/} (relative paths and bytes).
     */
    public static String course(Path home) throws IOException {
        MessageDigest md = sha256();
        md.update((grader() + "\0").getBytes(StandardCharsets.UTF_8));
        for (String part : List.of("exercises", "solutions", "grader")) {
            Path dir = home.resolve(part);
            for (Path f : Files.isDirectory(dir) ? files(dir) : List.<Path>of()) {
                md.update((home.relativize(f).toString().replace('\\', '/') + "\0").getBytes(StandardCharsets.UTF_8));
                feed(md, f);
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The regular files below {@code dir} in a stable order, hidden ones and links left out (as {@link Unpack} copies them). */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !hidden(dir.relativize(f)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void feed(MessageDigest md, Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
