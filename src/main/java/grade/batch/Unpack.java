package grade.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Copies a submission into a private folder, so that grading never touches the original and no
 * two submissions share a folder: a folder is copied (hidden entries and links left out), a zip
 * is extracted. Either is refused, as a broken submission, when it holds more than
 * {@link #MAX_BYTES} or {@link #MAX_FILES} (a zip bomb), or when a zip entry would land outside
 * the folder (zip slip).
 */
public final class Unpack {
    /** Bytes a submission may hold, counted as they are written, not as a zip claims. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_FILES = 10_000;
    private static final Pattern DAY = Pattern.compile("day\\d\\d");

    private Unpack() {
    }

    /** Copies or extracts {@code s} into {@code into} (an empty folder); returns the workspace root inside it. */
    public static Path into(Submission s, Path into) throws BrokenSubmission, IOException {
        Budget budget = new Budget();
        try {
            if (s.zip()) {
                extract(s.path(), into, budget);
            } else {
                copy(s.path(), into, budget);
            }
        } catch (IOException e) {
            throw new BrokenSubmission("it could not be " + (s.zip() ? "unzipped" : "copied") + " (" + e + ")",
                    "没能" + (s.zip() ? "解压" : "复制") + "（" + e + "）");
        }
        return root(into);
    }

    /** Bytes and files left to write. */
    private static final class Budget {
        long bytes = MAX_BYTES;
        int files = MAX_FILES;

        void file() throws BrokenSubmission {
            if (--files < 0) {
                throw new BrokenSubmission("it holds more than " + MAX_FILES + " files", "里面的文件超过了 " + MAX_FILES + " 个");
            }
        }
    }

    private static void copy(Path from, Path to, Budget budget) throws IOException, BrokenSubmission {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(from) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isRegularFile() || file.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.CONTINUE; // links are never followed: they could point at anything
                    }
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        budget.file();
                        write(in, to.resolve(from.relativize(file).toString()), budget);
                    } catch (BrokenSubmission e) {
                        throw new Wrapped(e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (Wrapped w) {
            throw w.broken;
        }
    }

    /** Carries a BrokenSubmission out of a file visitor, which may throw only IOExceptions. */
    private static final class Wrapped extends IOException {
        private static final long serialVersionUID = 1L;
        final transient BrokenSubmission broken;

        Wrapped(BrokenSubmission broken) {
            this.broken = broken;
        }
    }

    private static void extract(Path zip, Path to, Budget budget) throws IOException, BrokenSubmission {
        Path root = to.toAbsolutePath().normalize();
        try (ZipFile z = open(zip)) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName().replace('\\', '/');
                Path target = root.resolve(name).normalize();
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || !target.startsWith(root)
                        || List.of(name.split("/")).contains("..")) {
                    throw new BrokenSubmission("the zip holds an entry that points outside it (" + e.getName() + "); zip the folder again with an ordinary zip tool",
                            "zip 里有一项指向 zip 之外（" + e.getName() + "）：用普通的压缩工具重新压缩这个文件夹");
                }
                if (e.isDirectory() || target.equals(root)) {
                    Files.createDirectories(target);
                    continue;
                }
                budget.file();
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    write(in, target, budget);
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new BrokenSubmission("the zip is damaged (" + e.getMessage() + "); zip the folder again and resubmit",
                    "zip 已损坏（" + e.getMessage() + "）：重新压缩这个文件夹再提交");
        }
    }

    /** Opens a zip whose entry names are UTF-8, or else (an old Windows zip tool) a single-byte charset that keeps ASCII names. */
    private static ZipFile open(Path zip) throws IOException, BrokenSubmission {
        try {
            ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
            try {
                z.stream().forEach(e -> { }); // decodes every name now, not half way through extracting
                return z;
            } catch (IllegalArgumentException e) {
                z.close();
                return new ZipFile(zip.toFile(), StandardCharsets.ISO_8859_1);
            }
        } catch (ZipException e) {
            throw new BrokenSubmission("it is not a readable zip (" + e.getMessage() + "); zip the folder again and resubmit",
                    "这不是能读的 zip（" + e.getMessage() + "）：重新压缩这个文件夹再提交");
        }
    }

    private static void write(InputStream in, Path target, Budget budget) throws IOException, BrokenSubmission {
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                budget.bytes -= n;
                if (budget.bytes < 0) {
                    throw new BrokenSubmission("it holds more than " + MAX_BYTES / (1024 * 1024) + " MiB",
                            "里面的内容超过了 " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
                out.write(buf, 0, n);
            }
        }
    }

    /**
     * The folder holding the {@code dayNN/} folders: {@code dir} itself, or the one folder
     * inside it (zips often wrap everything in a folder; a macOS {@code __MACOSX} folder is not
     * counted).
     */
    static Path root(Path dir) throws IOException, BrokenSubmission {
        if (hasDays(dir)) {
            return dir;
        }
        List<Path> inner;
        try (Stream<Path> s = Files.list(dir)) {
            inner = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("__MACOSX"))
                    .toList();
        }
        if (inner.size() == 1 && hasDays(inner.get(0))) {
            return inner.get(0);
        }
        String in = inner.size() == 1 ? inner.get(0).getFileName() + "/" : null;
        throw new BrokenSubmission("nothing to grade: no dayNN/ folder (such as day03/) at its top" + (in != null ? " or in " + in : ""),
                "没有可评分的内容：最上层" + (in != null ? "和 " + in + " 里" : "") + "都没有 dayNN/ 文件夹（比如 day03/）");
    }

    private static boolean hasDays(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && DAY.matcher(p.getFileName().toString()).matches());
        }
    }
}
