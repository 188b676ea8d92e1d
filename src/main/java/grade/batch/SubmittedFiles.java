package grade.batch;

import grade.course.Exercise;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A submission as a platform hands it over, in its own layout (Gradescope's
 * {@code /autograder/submission}, Exercism's input folder). Each file an exercise names,
 * {@code dayNN/Name.java}, is taken from a path ending in {@code dayNN/Name.java} anywhere in
 * the folder ({@code day03/Tail.java}, {@code homework/day03/Tail.java}, Exercism's
 * {@code src/main/java/day03/Tail.java}), else from a file {@code Name.java} anywhere; the
 * shallowest first, then by name. Hidden entries, links, {@code __MACOSX/} and grade's own
 * {@code backups/} are never taken. What is found is copied into a folder laid out as a
 * workspace; a file not found stays missing there, so its exercise earns nothing. The learner's
 * own classes come too: every other {@code .java} file beside a file taken that declares the
 * same package ({@code package day06;}), such as {@code day06/ClientHandler.java}.
 */
public final class SubmittedFiles {
    /** A source file larger than this is not a helper class a learner wrote. */
    private static final long MAX_OWN_BYTES = 1 << 20;

    private SubmittedFiles() {
    }

    /** Copies the files of {@code exercises} found in {@code submission} into {@code into}, saying on {@code log} what came from where. */
    public static void collect(Path submission, List<Exercise> exercises, Path into, PrintStream log) throws IOException {
        List<Path> all = files(submission);
        Set<String> wanted = new LinkedHashSet<>();
        exercises.forEach(e -> wanted.addAll(e.files()));
        Set<String> names = new HashSet<>();
        wanted.forEach(f -> names.add(f.substring(f.lastIndexOf('/') + 1)));
        for (String f : wanted) {
            Optional<Path> found = find(all, f);
            if (found.isPresent()) {
                copy(submission, found.get(), into, f, log);
                String day = f.substring(0, f.indexOf('/'));
                for (Path own : ownBeside(found.get(), day, names)) {
                    String as = day + "/" + own.getFileName();
                    if (!Files.exists(into.resolve(as))) {
                        copy(submission, own, into, as, log);
                    }
                }
            } else {
                log.println("the submission has no " + f.substring(f.lastIndexOf('/') + 1) + ": missing " + f);
            }
        }
    }

    private static void copy(Path submission, Path file, Path into, String as, PrintStream log) throws IOException {
        Path target = into.resolve(as);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        log.println("grading " + submission.relativize(file).toString().replace('\\', '/') + " as " + as);
    }

    /** The other {@code .java} files beside {@code file} that declare the package {@code day} and are no exercise's file. */
    private static List<Path> ownBeside(Path file, String day, Set<String> exerciseFiles) throws IOException {
        Pattern pkg = Pattern.compile("^\\s*package\\s+" + day + "\\s*;", Pattern.MULTILINE);
        try (Stream<Path> beside = Files.list(file.getParent())) {
            List<Path> out = new ArrayList<>();
            for (Path p : beside.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".java") && !name.startsWith(".") && !exerciseFiles.contains(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(p) < MAX_OWN_BYTES && pkg.matcher(Files.readString(p, StandardCharsets.ISO_8859_1)).find()) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    /** The file to grade as {@code file} ({@code day03/Tail.java}): the first one ending in it, else the first one named like it. */
    static Optional<Path> find(List<Path> candidates, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        Optional<Path> exact = candidates.stream().filter(p -> p.endsWith(file)).findFirst();
        return exact.isPresent() ? exact : candidates.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst();
    }

    /** The regular files that may be taken, the shallowest first, then by name. */
    private static List<Path> files(Path submission) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(submission, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(submission) && (n.startsWith(".") || n.equals("__MACOSX") || n.equals("backups"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    out.add(file);
                }
                return out.size() > Unpack.MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        out.sort(Comparator.comparingInt((Path p) -> submission.relativize(p).getNameCount()).thenComparing(Path::toString));
        return out;
    }
}
