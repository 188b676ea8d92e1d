package grade.mutants;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import grade.course.Exercise;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mutants' results of each exercise, kept under a fingerprint of what could change them: the
 * reference solution, the exercise's tests and timeout, the mutators, and the grader itself (its
 * class path holds the hidden tests and the kit). An exercise whose fingerprint is unchanged is
 * not run again.
 */
final class ResultCache {
    /** An exercise's results as kept: under which fingerprint, and how long their run took. */
    record Stored(String fingerprint, long millis, List<MutantResult> mutants) {
    }

    private final Path dir;
    private String grader;

    ResultCache(Path dir) {
        this.dir = dir;
    }

    /** The fingerprint of {@code e}'s mutants with the reference solution in {@code solution}. */
    String fingerprint(Exercise e, Path solution) throws IOException {
        MessageDigest md = sha256();
        md.update(("mutants\0" + MutantMaker.MUTATORS + "\0" + e.id() + "\0" + e.timeoutSeconds() + "\0" + e.tests() + "\0"
                + Runtime.version() + "\0" + grader() + "\0").getBytes(StandardCharsets.UTF_8));
        for (String f : e.files()) {
            md.update((f + "\0").getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(solution.resolve(f)));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The results stored for {@code e} under {@code fingerprint}, if any. */
    Optional<Stored> read(Exercise e, String fingerprint) {
        Path file = file(e);
        try {
            Stored stored = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            return stored != null && fingerprint.equals(stored.fingerprint()) && stored.mutants() != null ? Optional.of(stored) : Optional.empty();
        } catch (IOException | JsonParseException e2) {
            return Optional.empty(); // none yet, or unreadable: the mutants run again
        }
    }

    /** Keeps {@code mutants} (without their equivalence, which is matched on each report) for {@code e}. */
    void write(Exercise e, String fingerprint, long millis, List<MutantResult> mutants) throws IOException {
        List<MutantResult> plain = mutants.stream().map(m -> m.withEquivalent(null)).toList();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "writing-", ".json");
        Files.writeString(tmp, new Gson().toJson(new Stored(fingerprint, millis, plain)), StandardCharsets.UTF_8);
        Files.move(tmp, file(e), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(Exercise e) {
        return dir.resolve(e.id().replace('/', '-') + ".json");
    }

    /** The grader's fingerprint: every file of its class path (its jar, or its class folders and their libraries). */
    private String grader() throws IOException {
        if (grader == null) {
            MessageDigest md = sha256();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry);
                List<Path> files;
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                } else {
                    files = Files.isRegularFile(p) ? List.of(p) : List.of();
                }
                for (Path f : files) { // named as within its entry, so that a copy of the grader elsewhere finds the same results
                    md.update(((f.equals(p) ? p.getFileName() : p.relativize(f)) + "\0").getBytes(StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            }
            grader = HexFormat.of().formatHex(md.digest());
        }
        return grader;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
