package grade.course;

import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A known-wrong solution of an exercise: its reference solution with one planted mistake, which
 * the hidden tests must catch. It is kept as a unified diff against the reference solution
 * ({@code wrong/NAME.diff}, applied as {@code patch -p1} would) or, for a rewrite, as a folder
 * ({@code wrong/NAME/}) mirroring the workspace with the files it rewrites whole; the
 * exercise's other files come from the reference solution.
 *
 * @param exercise  the exercise it is a solution of
 * @param name      NAME, as verify shows it
 * @param source    the {@code .diff} file or the folder
 * @param reference the reference solution's folder, which a diff applies to
 */
public record WrongSolution(Exercise exercise, String name, Path source, Path reference) {

    /** What is wrong with a known-wrong solution's diff, said after its path. */
    public static final class Unusable extends Exception {
        Unusable(String predicate) {
            super(predicate);
        }
    }

    public boolean isDiff() {
        return source.getFileName().toString().endsWith(".diff");
    }

    /**
     * The mistake it plants, as its first line says it: the diff's header line ({@code # Known
     * wrong: ...}) or the opening comment of the folder's first file, without the {@code #} or {@code //}.
     */
    public String mistake() {
        try {
            Path first = isDiff() ? source : exercise.files().stream().map(source::resolve).filter(Files::isRegularFile)
                    .findFirst().orElse(source);
            String line = Files.isRegularFile(first) ? Files.readString(first, StandardCharsets.UTF_8).lines().findFirst().orElse("") : "";
            return line.startsWith("#") || line.startsWith("//") ? line.replaceFirst("^(#|//)\\s*", "") : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folder that mirrors the workspace, in {@code scratch/dayNN/slug/NAME/}: the reference
     * solution's files with the diff applied, or with the folder's files in their place.
     */
    public Path root(Path scratch) throws Unusable {
        try {
            String text = isDiff() ? Files.readString(source, StandardCharsets.UTF_8) : "";
            if (isDiff() && !text.startsWith("#")) {
                throw new Unusable("must start with a line \"# Known wrong: ...\" saying what mistake it plants");
            }
            Path into = Files.createDirectories(scratch.resolve(exercise.id()).resolve(name));
            for (String f : exercise.files()) {
                Path from = Files.isRegularFile(source.resolve(f)) ? source.resolve(f) : reference.resolve(f);
                if (Files.isRegularFile(from)) { // without it, compiling says what is missing
                    Files.createDirectories(into.resolve(f).getParent());
                    Files.copy(from, into.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (isDiff()) {
                for (UnifiedDiffFile change : parse(text).getFiles()) {
                    apply(change, into);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The diff reader's own log, silenced: what it would say on stderr goes into {@link Unusable}. */
    private static final Logger READER_LOG = Logger.getLogger(UnifiedDiffReader.class.getName());

    private static UnifiedDiff parse(String text) throws Unusable, IOException {
        READER_LOG.setLevel(Level.OFF);
        try {
            UnifiedDiff diff = UnifiedDiffReader.parseUnifiedDiff(new ByteArrayInputStream(Escape.ascii(text).getBytes(StandardCharsets.US_ASCII)));
            if (diff.getFiles().isEmpty()) {
                throw new Unusable("holds no change: a unified diff (--- a/FILE, +++ b/FILE, @@ hunks) must follow its header line");
            }
            // the reader drops a hunk whose lines do not add up to its @@ counts, where patch(1) refuses the diff
            long hunks = text.lines().filter(l -> l.startsWith("@@ ")).count();
            if (diff.getFiles().stream().mapToLong(f -> f.getPatch().getDeltas().size()).sum() != hunks) {
                throw new Unusable("is malformed: the lines of a hunk do not add up to the counts in its @@ line;"
                        + " make the diff again against the reference");
            }
            return diff;
        } catch (RuntimeException e) { // UnifiedDiffParserException among them
            throw new Unusable("is not a unified diff that patch -p1 reads (" + e.getMessage() + "); make the diff again against the reference");
        }
    }

    private void apply(UnifiedDiffFile change, Path into) throws Unusable, IOException {
        String file = Escape.back(change.getFromFile());
        Path target = into.resolve(file).normalize();
        if (!exercise.files().contains(file) || !target.startsWith(into)) {
            throw new Unusable("changes " + file + ", which is not a file of the exercise (" + String.join(", ", exercise.files())
                    + "); paths in the diff are a/FILE and b/FILE, relative to the reference solution's folder");
        }
        Patch<String> patch = change.getPatch();
        for (AbstractDelta<String> hunk : patch.getDeltas()) {
            hunk.getSource().getLines().replaceAll(Escape::back);
            hunk.getTarget().getLines().replaceAll(Escape::back);
        }
        String original = Files.readString(target, StandardCharsets.UTF_8);
        List<String> lines = original.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(original.split("\n", -1)));
        boolean newlineAtEnd = !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty();
        if (newlineAtEnd) {
            lines.remove(lines.size() - 1);
        }
        try {
            // every line of a hunk must match, where the diff says or, if lines moved, nearest to it (patch's "offset")
            patch.withConflictOutput((verdict, hunk, result) -> {
                throw new PatchFailedException("hunk " + (patch.getDeltas().indexOf(hunk) + 1) + " (near line "
                        + (hunk.getSource().getPosition() + 1) + " of " + file + ") does not match");
            });
            lines = patch.applyFuzzy(lines, 0);
        } catch (PatchFailedException e) {
            throw new Unusable("no longer applies to the reference solution: " + e.getMessage() + "; make the diff again against the reference");
        } catch (IndexOutOfBoundsException e) {
            throw new Unusable("no longer applies to the reference solution: a hunk reaches past the end of " + file
                    + "; make the diff again against the reference");
        }
        Files.writeString(target, String.join("\n", lines) + (newlineAtEnd ? "\n" : ""), StandardCharsets.UTF_8);
    }

    /**
     * The diff reader decodes its stream in the platform's charset (US-ASCII on Java 17 under a
     * C locale), so a diff goes in as ASCII, every other character written as SOH and four hex
     * digits, and comes back out.
     */
    static final class Escape {
        private static final char MARK = '\u0001';
        private static final Pattern ESCAPED = Pattern.compile(MARK + "([0-9a-f]{4})");

        static String ascii(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                if (c >= 0x80 || c == MARK || c == '\r') {
                    sb.append(MARK).append(String.format("%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        static String back(String s) {
            Matcher m = ESCAPED.matcher(s);
            return m.replaceAll(r -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(r.group(1), 16))));
        }

        private Escape() {
        }
    }
}
