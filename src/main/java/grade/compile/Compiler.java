package grade.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise's learner files in this JVM with javax.tools, into a cache folder keyed
 * by the hash of the sources, so an unchanged exercise is never compiled twice.
 */
public final class Compiler {
    private static final int MAX_ERRORS = 8;
    private final JavaCompiler javac;
    private final Path cache;

    public Compiler(Path cache) {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new NoCompilerException("this Java has no compiler (it is a JRE, not a JDK): install a JDK 17 or newer"
                    + " and make sure `java` on your PATH is the JDK's, or set JAVA_HOME to it (this Java is "
                    + System.getProperty("java.home") + ")");
        }
        this.cache = cache;
    }

    /**
     * Compiles {@code files} (relative to {@code root}, such as {@code day03/Offsets.java}).
     * A missing file or a file without its expected class is an error like a compile error.
     */
    public CompileResult compile(String exerciseId, Path root, List<String> files) throws IOException {
        return compile(exerciseId, root, files, List.of());
    }

    /**
     * Compiles {@code files} together with the learner's {@code own} files beside them (helper
     * classes, such as {@code day06/ClientHandler.java}). An own file that does not compile
     * fails only an exercise that uses it: when the exercise compiles without the broken ones,
     * it is compiled so; otherwise the errors, with their files and lines, are its own.
     */
    public CompileResult compile(String exerciseId, Path root, List<String> files, List<String> own) throws IOException {
        CompileResult with = compileTogether(exerciseId, root, files, own);
        if (with.ok() || own.isEmpty()) {
            return with;
        }
        List<String> broken = own.stream().filter(f -> with.errors().stream().anyMatch(e -> e.startsWith(f + ":"))).toList();
        if (broken.isEmpty()) {
            return with;
        }
        CompileResult without = compile(exerciseId, root, files, own.stream().filter(f -> !broken.contains(f)).toList());
        return without.ok() ? without : with;
    }

    private CompileResult compileTogether(String exerciseId, Path root, List<String> files, List<String> own) throws IOException {
        List<String> errors = new ArrayList<>();
        for (String f : files) {
            if (!Files.isRegularFile(root.resolve(f))) {
                errors.add(f + ": the file is missing. It should be at " + root.resolve(f)
                        + "; `grade init` puts back missing starter files without touching the others"
                        + otherJavaFiles(root.resolve(f)));
            }
        }
        if (!errors.isEmpty()) {
            return CompileResult.failed(errors);
        }
        List<String> all = new ArrayList<>(files);
        all.addAll(own);
        String hash = hash(exerciseId, root, all);
        Path out = cache.resolve(exerciseId.replace('/', '-') + "-" + hash);
        if (Files.isRegularFile(out.resolve(".ok"))) {
            return CompileResult.of(out, true);
        }
        Files.createDirectories(cache);
        Path tmp = Files.createTempDirectory(cache, "compiling-");
        Path classes = Files.createDirectories(tmp.resolve(CompileResult.CLASSES));
        List<String> diagnostics = run(root, all, classes);
        if (!diagnostics.isEmpty()) {
            deleteTree(tmp);
            return CompileResult.failed(diagnostics);
        }
        for (String f : files) {
            String cls = f.substring(0, f.length() - ".java".length()) + ".class";
            if (!Files.isRegularFile(classes.resolve(cls))) {
                String pkg = f.substring(0, f.indexOf('/'));
                String name = f.substring(f.indexOf('/') + 1, f.length() - ".java".length());
                diagnostics.add(f + ": compiled, but it does not declare the class " + pkg + "." + name
                        + ". The file must start with `package " + pkg + ";` and declare `public class " + name + "`");
            }
        }
        if (!diagnostics.isEmpty()) {
            deleteTree(tmp);
            return CompileResult.failed(diagnostics);
        }
        ExitCalls.copyRewritten(classes, tmp.resolve(CompileResult.GUARDED));
        Files.writeString(tmp.resolve(".ok"), hash);
        try {
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(tmp); // another grade compiled the same sources at the same moment
            if (!Files.isRegularFile(out.resolve(".ok"))) {
                throw e;
            }
        }
        return CompileResult.of(out, false);
    }

    private List<String> run(Path root, List<String> files, Path out) throws IOException {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<Path> paths = files.stream().map(root::resolve).toList();
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(paths);
            List<String> options = List.of("-d", out.toString(), "-encoding", "UTF-8", "-g", "-proc:none",
                    "-implicit:none", "-nowarn", "-Xlint:none", "-Xmaxerrs", String.valueOf(MAX_ERRORS),
                    "-classpath", out.toString(), "-sourcepath", out.toString());
            StringWriter javacOut = new StringWriter();
            boolean ok = javac.getTask(javacOut, fm, collector, options, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(Diagnostics.format(d, root));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("the Java compiler failed: " + javacOut.toString().strip());
            }
            return errors;
        }
    }

    /** Other .java files beside a missing one: perhaps the learner's work under another name. */
    private static String otherJavaFiles(Path missing) {
        Path dir = missing.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "";
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
            return names.isEmpty() ? "" : ". The folder has " + String.join(", ", names) + ": if your work is there, rename the file to "
                    + missing.getFileName() + " (the class inside must be named " + missing.getFileName().toString().replace(".java", "") + " too)";
        } catch (IOException e) {
            return "";
        }
    }

    private static String hash(String exerciseId, Path root, List<String> files) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // the layout of a cache entry (classes/ and guarded/) is part of its key
            md.update((exerciseId + "\0" + Runtime.version() + "\0classes+guarded\0").getBytes(StandardCharsets.UTF_8));
            for (String f : files) {
                md.update((f + "\0").getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(root.resolve(f)));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        try {
            org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            // a scratch folder left behind is harmless
        }
    }
}
