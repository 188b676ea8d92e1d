package grade.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Makes the copy of a learner's compiled classes that the test JVM loads: every call of
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} (also as a method reference)
 * goes to {@code grade.testjvm.ExitTrap}, which fails the test instead of ending the JVM. The
 * learner's programs run from the classes as compiled, so their exit statuses are theirs. A call
 * reached only by reflection or a method handle looked up at run time is not rewritten.
 */
public final class ExitCalls {
    private static final String TRAP = "grade/testjvm/ExitTrap";

    private ExitCalls() {
    }

    /** Copies the folder {@code from} to {@code to}, rewriting each class file. */
    public static void copyRewritten(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                byte[] bytes = Files.readAllBytes(f);
                Files.write(target, f.toString().endsWith(".class") ? rewrite(bytes) : bytes);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One class file with its exit calls rewritten. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // the stack is the same before and after each call
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new Calls(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Calls extends MethodVisitor {
        Calls(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String trap = trapped(owner, name, descriptor);
            if (trap != null) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TRAP, name, trap, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] args = arguments.clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = handle(args[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, args);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(handle(value));
        }

        /** A method handle constant of an exit call, as a handle of its trap. */
        private static Object handle(Object constant) {
            if (constant instanceof Handle h) {
                String trap = trapped(h.getOwner(), h.getName(), h.getDesc());
                if (trap != null) {
                    return new Handle(Opcodes.H_INVOKESTATIC, TRAP, h.getName(), trap, false);
                }
            }
            return constant;
        }

        /** The descriptor of the trap for an exit call, or null when the call is not one. */
        private static String trapped(String owner, String name, String descriptor) {
            if (!descriptor.equals("(I)V")) {
                return null;
            }
            if (owner.equals("java/lang/System") && name.equals("exit")) {
                return "(I)V";
            }
            if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) {
                return "(Ljava/lang/Runtime;I)V";
            }
            return null;
        }
    }
}
