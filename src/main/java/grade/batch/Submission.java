package grade.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One learner's submission: a direct child of the submissions folder that is a folder or a
 * {@code .zip}. Its name (the folder's name, or the zip's without {@code .zip}) names its row in
 * the gradebook and its result file.
 *
 * @param name what the gradebook calls it
 * @param path the folder or the zip, never changed by the grader
 * @param zip  whether it is a zip
 */
public record Submission(String name, Path path, boolean zip) {

    /** The submissions in {@code dir} by name, and the names of the entries that are neither. */
    public record Found(List<Submission> submissions, List<String> ignored) {
    }

    /**
     * Every submission in {@code dir}, sorted by name. Hidden entries and the paths in
     * {@code skip} (the gradebook and results the batch writes itself) are left out; other files
     * are listed as ignored. When a folder and a zip would share a name, the zip keeps its
     * {@code .zip}.
     */
    public static Found find(Path dir, Set<Path> skip) throws IOException {
        List<Path> folders = new ArrayList<>();
        List<Path> zips = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<Path> skipped = new HashSet<>();
        skip.forEach(p -> skipped.add(p.toAbsolutePath().normalize()));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String file = p.getFileName().toString();
                if (file.startsWith(".") || skipped.contains(p.toAbsolutePath().normalize())) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && file.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    zips.add(p);
                } else {
                    ignored.add(file);
                }
            }
        }
        List<Submission> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : folders) {
            String name = f.getFileName().toString();
            names.add(name);
            out.add(new Submission(name, f, false));
        }
        for (Path z : zips) {
            String file = z.getFileName().toString();
            String bare = file.substring(0, file.length() - ".zip".length());
            String name = bare.isEmpty() || names.contains(bare) ? file : bare;
            names.add(name);
            out.add(new Submission(name, z, true));
        }
        out.sort(Comparator.comparing(Submission::name));
        return new Found(out, ignored);
    }
}
