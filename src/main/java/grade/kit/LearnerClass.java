package grade.kit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A learner's class, found by name at run time. Every lookup that fails is a failed test whose
 * message names what was expected and where, never a compile error in the test.
 */
public final class LearnerClass {
    private final String name;
    private final Class<?> type;

    private LearnerClass(String name, Class<?> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * Finds a learner class by its binary name.
     * <pre>{@code LearnerClass offsets = LearnerClass.of("day03.Offsets");}</pre>
     */
    public static LearnerClass of(String name) {
        try {
            return new LearnerClass(name, Class.forName(name, false, ClassLoader.getSystemClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            throw Expect.fail(Say.pick("expected a class `" + simple(name) + "` in " + sourceFile(name)
                    + " (with `package " + packageOf(name) + ";` at its top), but there is none",
                    sourceFile(name) + " 里应当有一个类 `" + simple(name) + "`（文件开头写着 `package " + packageOf(name)
                    + ";`），但没有找到它"));
        }
    }

    /** The class itself, for tests that need {@code instanceof} or records. */
    public Class<?> raw() {
        return type;
    }

    /**
     * A public static method with exactly this return type and these parameters.
     * <pre>{@code StaticMethod size = offsets.staticMethod(long.class, "size", Path.class);}</pre>
     */
    public StaticMethod staticMethod(Class<?> returns, String method, Class<?>... params) {
        Method m = find(returns, method, params, true);
        return new StaticMethod(m, signature(true, returns, method, params));
    }

    /**
     * A public instance method with exactly this return type and these parameters.
     * <pre>{@code InstanceMethod alive = worker.method(boolean.class, "isAlive");}</pre>
     */
    public InstanceMethod method(Class<?> returns, String method, Class<?>... params) {
        Method m = find(returns, method, params, false);
        return new InstanceMethod(m, signature(false, returns, method, params));
    }

    /**
     * A public constructor with these parameters.
     * <pre>{@code Object w = worker.constructor(String.class, String[].class).create("day07.Job", new String[0]);}</pre>
     */
    public LearnerConstructor constructor(Class<?>... params) {
        String sig = "public " + simple(name) + "(" + names(params) + ")";
        try {
            Constructor<?> c = type.getConstructor(params);
            return new LearnerConstructor(c, sig);
        } catch (NoSuchMethodException | LinkageError e) {
            throw missing(sig);
        }
    }

    /**
     * A nested class, such as a record declared inside the learner's class.
     * <pre>{@code LearnerClass student = LearnerClass.of("day05.Struct").nested("Student");}</pre>
     */
    public LearnerClass nested(String simpleName) {
        String nestedName = name + "$" + simpleName;
        try {
            return new LearnerClass(nestedName, Class.forName(nestedName, false, type.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            throw Expect.fail(Say.pick("expected a nested type `" + simple(name) + "." + simpleName + "` in "
                    + sourceFile(name) + ", but there is none",
                    sourceFile(name) + " 里应当有一个嵌套类型 `" + simple(name) + "." + simpleName + "`，但没有找到它"));
        }
    }

    /**
     * The value of a public static final field.
     * <pre>{@code int max = (int) LearnerClass.of("day04.Framing").constant(int.class, "MAX_FRAME");}</pre>
     */
    public Object constant(Class<?> fieldType, String field) {
        String sig = "public static final " + fieldType.getSimpleName() + " " + field;
        try {
            Field f = type.getField(field);
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod) || f.getType() != fieldType) {
                throw missing(sig);
            }
            return f.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw missing(sig);
        } catch (ExceptionInInitializerError e) {
            throw Failures.initializerFailed(name, e);
        }
    }

    private Method find(Class<?> returns, String method, Class<?>[] params, boolean wantStatic) {
        String sig = signature(wantStatic, returns, method, params);
        Method m;
        try {
            m = type.getMethod(method, params);
        } catch (NoSuchMethodException | LinkageError e) {
            String near = Arrays.stream(type.getDeclaredMethods())
                    .filter(x -> x.getName().equals(method))
                    .map(x -> (Modifier.isPublic(x.getModifiers()) ? "public " : "")
                            + (Modifier.isStatic(x.getModifiers()) ? "static " : "")
                            + x.getReturnType().getSimpleName() + " " + method + "(" + names(x.getParameterTypes()) + ")")
                    .collect(Collectors.joining("; "));
            String hint = near.isEmpty() ? "" : Say.pick(" (found `" + near + "` instead)", "（找到的却是 `" + near + "`）");
            throw Expect.fail(expectedIn(sig) + hint);
        }
        if (Modifier.isStatic(m.getModifiers()) != wantStatic || m.getReturnType() != returns) {
            String found = (Modifier.isStatic(m.getModifiers()) ? "public static " : "public ")
                    + m.getReturnType().getSimpleName() + " " + method + "(" + names(params) + ")";
            throw Expect.fail(Say.pick("expected `" + sig + "` in " + sourceFile(name) + " but found `" + found + "`",
                    sourceFile(name) + " 里应当有 `" + sig + "`，但找到的是 `" + found + "`"));
        }
        return m;
    }

    private AssertionError missing(String sig) {
        return Expect.fail(expectedIn(sig));
    }

    private String expectedIn(String sig) {
        return Say.pick("expected `" + sig + "` in " + sourceFile(name), sourceFile(name) + " 里应当有 `" + sig + "`");
    }

    private String signature(boolean isStatic, Class<?> returns, String method, Class<?>[] params) {
        return "public " + (isStatic ? "static " : "") + returns.getSimpleName() + " " + method + "(" + names(params) + ")";
    }

    static String names(Class<?>[] params) {
        return Arrays.stream(params).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    static String sourceFile(String binaryName) {
        String top = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
        return top.replace('.', '/') + ".java";
    }

    private static String simple(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
