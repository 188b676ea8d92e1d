// Mistake modelled: asks Files.isDirectory / Files.isRegularFile first, which follow symbolic links,
// so a link to a folder shows as a folder and a link to a file as a file.
package day03;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
            System.exit(1);
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
            if (Files.isDirectory(entry)) {
                System.out.println("d " + name + "/");
                dirs++;
            } else if (Files.isRegularFile(entry)) {
                System.out.println("f " + name + " " + Files.size(entry));
                files++;
                bytes += Files.size(entry);
            } else if (Files.isSymbolicLink(entry)) {
                System.out.println("l " + name + " -> " + Files.readSymbolicLink(entry));
            } else {
                System.out.println("o " + name); // a named pipe, a socket, a device...
            }
        }
        System.out.println("total: " + files + " files, " + dirs + " dirs, " + bytes + " bytes");
    }
}
