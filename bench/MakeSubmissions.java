import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes a class of submissions of day03/offsets and day03/tail for `grade batch`, each named
 * after what it holds, so a test can check every row of the gradebook:
 *
 *   NN-correct               the reference solutions
 *   NN-wrong-offsets-NAME    a known-wrong offsets (solutions/day03/offsets/wrong/NAME.diff), the reference tail
 *   NN-wrong-tail-NAME       the reference offsets, a known-wrong tail
 *   NN-nocompile             offsets does not compile
 *   NN-hang                  offsets' size() loops for ever
 *   NN-exit                  every method of offsets calls System.exit
 *   NN-kill                  loading Offsets kills the test JVM (kill -KILL)
 *   NN-missing               no Offsets.java at all
 *   NN-corrupt               a zip cut in half
 *
 * A third are folders, a third zips, a third zips that wrap the workspace in one more folder.
 * A known-wrong solution's diff is applied with GNU patch, as the README says.
 *
 *   java bench/MakeSubmissions.java COURSE_HOME OUT_DIR [COUNT]     (COUNT defaults to 50)
 */
public class MakeSubmissions {
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: java bench/MakeSubmissions.java COURSE_HOME OUT_DIR [COUNT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path solutions = home.resolve("solutions/day03");
        String offsets = Files.readString(solutions.resolve("offsets/day03/Offsets.java"));
        String tail = Files.readString(solutions.resolve("tail/day03/Tail.java"));
        List<Path> wrongOffsets = list(solutions.resolve("offsets/wrong"));
        List<Path> wrongTail = list(solutions.resolve("tail/wrong"));
        // One round of kinds; repeated until COUNT. Correct ones are the most common, as in a real class.
        List<String> round = List.of("correct", "wrong-offsets", "correct", "nocompile", "wrong-tail", "correct", "hang",
                "wrong-offsets", "correct", "exit", "wrong-tail", "correct", "kill", "missing", "correct", "wrong-tail",
                "corrupt", "correct", "wrong-offsets", "correct", "hang", "wrong-tail", "nocompile", "correct", "exit");
        int wo = 0;
        int wt = 0;
        for (int i = 1; i <= count; i++) {
            String kind = round.get((i - 1) % round.size());
            String o = offsets;
            String t = tail;
            String name = String.format("%02d-%s", i, kind);
            switch (kind) {
                case "correct" -> { }
                case "wrong-offsets" -> {
                    Path w = wrongOffsets.get(wo++ % wrongOffsets.size());
                    o = wrongFile(solutions.resolve("offsets"), w, "day03/Offsets.java");
                    name += "-" + w.getFileName().toString().replace(".diff", "");
                }
                case "wrong-tail" -> {
                    Path w = wrongTail.get(wt++ % wrongTail.size());
                    t = wrongFile(solutions.resolve("tail"), w, "day03/Tail.java");
                    name += "-" + w.getFileName().toString().replace(".diff", "");
                }
                case "nocompile" -> o = offsets.replaceFirst("return bytes;", "return bytes");
                case "hang" -> o = offsets.replace("return Files.size(file);",
                        "while (file != null) { Thread.onSpinWait(); }\n        return Files.size(file);");
                case "exit" -> o = offsets.replace("throws IOException {\n", "throws IOException {\n        System.exit(1);\n");
                case "kill" -> o = offsets.replace("public class Offsets {", """
                        public class Offsets {
                            static {
                                try {
                                    new ProcessBuilder("kill", "-KILL", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
                                } catch (Exception e) {
                                    throw new RuntimeException(e);
                                }
                            }
                        """);
                case "missing", "corrupt" -> o = null;
                default -> throw new IllegalStateException(kind);
            }
            if (o != null && o.equals(offsets) && !kind.equals("correct") && !kind.startsWith("wrong")) {
                throw new IllegalStateException("the reference Offsets.java changed shape; " + kind + " could not be made from it");
            }
            List<String[]> files = new ArrayList<>();
            if (o != null) {
                files.add(new String[] {"day03/Offsets.java", o});
            }
            files.add(new String[] {"day03/Tail.java", t});
            files.add(new String[] {"README.txt", "submission " + name + "\n"});
            if (kind.equals("corrupt")) {
                byte[] zip = zip(files, "");
                Files.write(out.resolve(name + ".zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
            } else if (i % 3 == 0) {
                folder(out.resolve(name), files);
            } else {
                Files.write(out.resolve(name + ".zip"), zip(files, i % 3 == 1 ? "" : name + "/"));
            }
        }
        System.out.println("made " + count + " submissions in " + out);
    }

    /** The known-wrong solutions: wrong/NAME.diff, or a folder wrong/NAME/ for a rewrite. */
    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".diff")).sorted().toList();
        }
    }

    /** FILE of a known-wrong solution: the reference's, patched with `patch -p1` in a copy, or the folder's own. */
    private static String wrongFile(Path exercise, Path wrong, String file) throws IOException, InterruptedException {
        if (Files.isDirectory(wrong)) {
            return Files.readString(wrong.resolve(file));
        }
        Path copy = Files.createTempDirectory("known-wrong");
        try {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(exercise.resolve(file), copy.resolve(file));
            Process p = new ProcessBuilder("patch", "-p1", "--quiet", "-i", wrong.toAbsolutePath().toString())
                    .directory(copy.toFile()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("patch could not apply " + wrong);
            }
            return Files.readString(copy.resolve(file));
        } finally {
            try (Stream<Path> s = Files.walk(copy)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void folder(Path dir, List<String[]> files) throws IOException {
        for (String[] f : files) {
            Path p = dir.resolve(f[0]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f[1], StandardCharsets.UTF_8);
        }
    }

    private static byte[] zip(List<String[]> files, String prefix) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (String[] f : files) {
                z.putNextEntry(new ZipEntry(prefix + f[0]));
                z.write(f[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
