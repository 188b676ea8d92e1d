package grade.mutants;

import grade.mutants.probe.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Line coverage of a reference solution for {@code grade mutants}: a copy of its classes that
 * calls {@link Lines#hit} at the start of each line, with the probe itself copied into each of
 * their packages (so that the test JVM and the learner's programs find it where they find the
 * solution). The lines that ran come back from the run's outbox.
 */
final class LineProbes {
    /** The probe's name in a solution's package: no learner class of the course is named so. */
    private static final String PROBE = "GradeLineProbe";

    private LineProbes() {
    }

    /** Writes into {@code to} the classes of {@code classes} with their probes, and the probe of each package. */
    static void copyInstrumented(Path classes, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        Set<String> packages = new HashSet<>();
        for (Path f : files) {
            String name = classes.relativize(f).toString().replace('\\', '/');
            name = name.substring(0, name.length() - ".class".length());
            String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
            packages.add(pkg);
            Path out = to.resolve(classes.relativize(f).toString());
            Files.createDirectories(out.getParent());
            Files.write(out, instrument(Files.readAllBytes(f), name, probe(pkg)));
        }
        byte[] probe;
        try (InputStream in = Lines.class.getResourceAsStream(Lines.class.getSimpleName() + ".class")) {
            probe = in.readAllBytes();
        }
        for (String pkg : packages) {
            ClassWriter w = new ClassWriter(0);
            new ClassReader(probe).accept(new ClassRemapper(w, new SimpleRemapper(Lines.class.getName().replace('.', '/'), probe(pkg))), 0);
            Path out = to.resolve(probe(pkg) + ".class");
            Files.createDirectories(out.getParent());
            Files.write(out, w.toByteArray());
        }
    }

    /** Reads the lines that ran, as {@code day03/Offsets:17}, from the files the probes wrote into {@code outbox}. */
    static Set<String> linesRun(Path outbox) throws IOException {
        Set<String> out = new HashSet<>();
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> s = Files.list(outbox)) {
                for (Path f : s.toList()) {
                    out.addAll(Files.readAllLines(f));
                }
            }
        }
        return out;
    }

    /** A line as the probes write it: the class's internal name and the line. */
    static String line(String internalName, int line) {
        return internalName + ":" + line;
    }

    private static String probe(String pkg) {
        return pkg.isEmpty() ? PROBE : pkg + "/" + PROBE;
    }

    /**
     * The class with a call of the probe at the start of each line: after the line's label and the
     * frame at it, if any, so that a jump to the line runs the probe and the frames stay true.
     */
    private static byte[] instrument(byte[] bytes, String className, String probe) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode i : m.instructions.toArray()) {
                if (i instanceof LineNumberNode ln) {
                    AbstractInsnNode at = ln;
                    while (at.getNext() instanceof FrameNode) {
                        at = at.getNext();
                    }
                    InsnList call = new InsnList();
                    call.add(new LdcInsnNode(line(className, ln.line)));
                    call.add(new MethodInsnNode(Opcodes.INVOKESTATIC, probe, "hit", "(Ljava/lang/String;)V", false));
                    m.instructions.insert(at, call);
                }
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }
}
