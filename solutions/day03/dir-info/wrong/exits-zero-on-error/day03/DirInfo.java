// Mistake modelled: prints the message for a missing DIR but returns from main, so the exit
// status is 0 instead of 1.
package day03;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** Lists a folder like the course's os.listdir, telling folders, files and links apart. */
public class DirInfo {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java day03.DirInfo DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? "Not a directory" : "No such file or directory";
            System.err.println("DirInfo: " + dir + ": " + why);
            return;
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) { // every entry, hidden ones too; never "." or ".."
            names = entries.map(p -> p.getFileName().toString()).sorted().toList(); // String.compareTo order
        }
        long files = 0;
        long dirs = 0;
        long bytes = 0;
        for (String name : names) {
            Path entry = dir.resolve(name);
            // NOFOLLOW_LINKS: look at the link itself, not at what it points to (which may not exist)
            BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                System.out.println("l " + name + " -> " + Files.readSymbolicLink(entry));
            } else if (attrs.isDirectory()) {
                System.out.println("d " + name + "/");
                dirs++;
            } else if (attrs.isRegularFile()) {
                System.out.println("f " + name + " " + attrs.size());
                files++;
                bytes += attrs.size();
            } else {
                System.out.println("o " + name); // a named pipe, a socket, a device...
            }
        }
        System.out.println("total: " + files + " files, " + dirs + " dirs, " + bytes + " bytes");
    }
}
