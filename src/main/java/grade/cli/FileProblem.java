package grade.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;

/**
 * Turns a failure to read or write one of grade's own files into one sentence and a fix: a
 * read-only workspace, a full disk, a folder without permission. Other failures are not
 * explained here (they are bugs of grade).
 */
final class FileProblem {
    private FileProblem() {
    }

    /** The sentence for this failure, or null when it is not a file problem grade can explain. */
    static String describe(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (!(t instanceof IOException)) {
            return null;
        }
        String file = t instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String reason = String.valueOf(t instanceof FileSystemException f ? f.getReason() : t.getMessage());
        String what = file == null ? "could not write a file" : "could not write " + file;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left")) {
            return what + ": the disk is full. Free some space on it, then run grade again";
        }
        if (lower.contains("read-only file system")) {
            return what + ": the folder is on a read-only file system. grade keeps its own files in the workspace's .grade/"
                    + " folder: copy the workspace to a writable place and pass it with -w, or make it writable";
        }
        if (t instanceof AccessDeniedException || lower.contains("permission denied")) {
            return what + ": permission denied. Make the workspace (and its .grade/ folder) writable for you, then run grade again";
        }
        if (lower.contains("disk quota")) {
            return what + ": your disk quota is used up. Free some space, then run grade again";
        }
        return null;
    }
}
