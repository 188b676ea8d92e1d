package grade.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The test JVM's runner as a named module: a jar with the runner's sealed package
 * ({@code grade.testjvm.seal}) and a module descriptor that exports and opens nothing. On the
 * test JVM's module path, it keeps the run's key and channel out of reach of learner code's
 * reflection; the rest of the grader stays on the class path, which the module reads. The jar is
 * made once per build of the grader, beside its jar (or in the temporary folder when the grader
 * runs from class folders), so that its path is stable for the class data sharing archive.
 */
final class SealedModule {
    static final String NAME = "grade.seal";
    static final String MAIN = "grade.testjvm.seal.Main";
    private static final String PACKAGE = "grade/testjvm/seal/";
    private static Path made;

    private SealedModule() {
    }

    /** The module's jar, made now if this build of the grader has none yet. */
    static synchronized Path jar() throws IOException {
        if (made == null) {
            Path source = source();
            Path jar = GraderFiles.folder().resolve("seal-" + stamp(source) + ".jar");
            if (!Files.isRegularFile(jar)) {
                write(jar, classes(source));
            }
            made = jar;
        }
        return made;
    }

    private static Path source() throws IOException {
        try {
            return Path.of(SealedModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /**
     * Which build of the runner {@code source} holds, from the sizes and times of its files, not
     * their bytes: a grade reads no more of the grader's jar than it loads.
     */
    private static String stamp(Path source) throws IOException {
        long h = 17;
        List<Path> files = Files.isDirectory(source) ? listRunner(source) : List.of(source);
        for (Path f : files) {
            h = 31 * h + f.getFileName().toString().hashCode();
            h = 31 * h + Files.size(f);
            h = 31 * h + Files.getLastModifiedTime(f).toMillis();
        }
        return Long.toHexString(h);
    }

    private static List<Path> listRunner(Path classFolder) throws IOException {
        try (Stream<Path> files = Files.list(classFolder.resolve(PACKAGE))) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private record Entry(String name, byte[] bytes) {
    }

    /** The sealed package's class files, from the grader's jar or class folder. */
    private static List<Entry> classes(Path source) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (Files.isDirectory(source)) {
            for (Path f : listRunner(source)) {
                out.add(new Entry(PACKAGE + f.getFileName(), Files.readAllBytes(f)));
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                for (JarEntry e : jar.stream().filter(e -> e.getName().startsWith(PACKAGE) && e.getName().endsWith(".class"))
                        .sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.add(new Entry(e.getName(), in.readAllBytes()));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("the grader lacks its test runner (" + PACKAGE + "): rebuild it (delete target/ and run ./grade again)");
        }
        return out;
    }

    private static void write(Path jar, List<Entry> classes) throws IOException {
        Files.createDirectories(jar.getParent());
        Path tmp = Files.createTempFile(jar.getParent(), "seal-", ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("module-info.class"));
            out.write(descriptor());
            for (Entry e : classes) {
                out.putNextEntry(new JarEntry(e.name()));
                out.write(e.bytes());
            }
        }
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code module grade.seal { }}: it reads java.base, and exports and opens nothing. */
    private static byte[] descriptor() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor mv = cw.visitModule(NAME, 0, null);
        mv.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        mv.visitPackage(PACKAGE.substring(0, PACKAGE.length() - 1));
        mv.visitMainClass(MAIN.replace('.', '/'));
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

}
