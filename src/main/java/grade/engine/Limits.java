package grade.engine;

import grade.course.Lang;
import grade.kit.RunProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one grading run may use, in one place. Per process (the test JVM, each learner JVM and
 * every process they start, as OS limits where {@code prlimit} exists): CPU time, data memory
 * (heap, thread stacks and native memory together), the size of one file, and the heap of
 * each JVM. Per run (held by the grader's {@link Watchdog}): wall time, threads and processes
 * together, resident memory of the whole tree, bytes printed and bytes written in scratch.
 *
 * <p>Each can be changed with a system property {@code grade.limit.NAME} (for example
 * {@code -Dgrade.limit.tasks=300}); the names are those of the record's components.
 *
 * @param runSeconds   wall time of the run; 0 means "from the exercises' timeouts" (see Grading)
 * @param cpuSeconds   CPU time of one process
 * @param heapMb       heap of one learner JVM (the test JVM gets twice as much)
 * @param memoryMb     resident memory of all the run's processes together
 * @param tasks        threads and processes of the run together
 * @param outputBytes  bytes learner code may print in the run (and one learner program)
 * @param fileBytes    size of one file
 * @param scratchBytes bytes in the run's scratch folder together
 */
public record Limits(int runSeconds, int cpuSeconds, int heapMb, int memoryMb, int tasks, long outputBytes,
                     long fileBytes, long scratchBytes) {

    private static final long MIB = 1024 * 1024;

    /** The course's defaults: generous for every reference solution, small for a machine. */
    public static final Limits DEFAULT = new Limits(0, 300, 256, 3072, 1024, 64 * MIB, 16L * 1024 * MIB, 512 * MIB);

    /** Which limit a run hit. */
    public enum Kind { HEAP, CPU, MEMORY, TASKS, OUTPUT, FILE, SCRATCH }

    /** The defaults, each overridden by its system property {@code grade.limit.NAME} when set. */
    public static Limits fromSystem() {
        Limits d = DEFAULT;
        return new Limits((int) get("runSeconds", d.runSeconds), (int) get("cpuSeconds", d.cpuSeconds),
                (int) get("heapMb", d.heapMb), (int) get("memoryMb", d.memoryMb), (int) get("tasks", d.tasks),
                get("outputBytes", d.outputBytes), get("fileBytes", d.fileBytes), get("scratchBytes", d.scratchBytes));
    }

    private static long get(String name, long fallback) {
        String v = System.getProperty("grade.limit." + name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grade.limit." + name + " must be a whole number, not \"" + v + "\"");
        }
    }

    /** Heap of the test JVM, in MiB. */
    int testJvmHeapMb() {
        return 2 * heapMb;
    }

    /** The data-memory limit of one process: its heap plus room for thread stacks, code and native memory. */
    long dataBytes() {
        return (testJvmHeapMb() + 768L) * MIB;
    }

    /** System properties that hand the limits the test JVM and the kit apply themselves. */
    List<String> jvmProperties() {
        return List.of("-D" + RunProperties.HEAP_MB + "=" + heapMb, "-D" + RunProperties.OUTPUT_BYTES + "=" + outputBytes,
                "-D" + RunProperties.FILE_BYTES + "=" + fileBytes, "-D" + RunProperties.CPU_SECONDS + "=" + cpuSeconds);
    }

    /**
     * The command prefix that sets the per-process OS limits (inherited by every child), or
     * nothing where {@code prlimit} is missing. CPU: SIGXCPU at the limit, SIGKILL 5 s later.
     */
    List<String> osLimits(String prlimit) {
        List<String> out = new ArrayList<>();
        if (prlimit == null) {
            return out;
        }
        out.add(prlimit);
        out.add("--cpu=" + cpuSeconds + ":" + (cpuSeconds + 5));
        out.add("--fsize=" + fileBytes);
        out.add("--data=" + dataBytes());
        out.add("--core=0");
        out.add("--");
        return out;
    }

    /** The words for a limit that was hit, in the learner's language. */
    public String words(Kind kind, Lang lang) {
        boolean zh = lang == Lang.ZH;
        return switch (kind) {
            case HEAP -> zh ? "你的代码占满了测试 JVM 的内存（" + testJvmHeapMb() + " MiB 的堆），测试无法继续"
                    : "your code filled the memory of the test JVM (a heap of " + testJvmHeapMb() + " MiB), so the tests could not go on";
            case CPU -> zh ? "你的代码的一个进程使用了超过 " + cpuSeconds + " 秒 CPU 时间（每个进程的上限）"
                    : "a process of your code used more than " + cpuSeconds + " s of CPU time (the limit per process)";
            case MEMORY -> zh ? "你的代码的进程合计使用了超过 " + memoryMb + " MiB 内存（每次运行的上限）"
                    : "the processes of your code used more than " + memoryMb + " MiB of memory together (the limit per run)";
            case TASKS -> zh ? "你的代码启动了超过 " + tasks + " 个线程和进程（每次运行的上限）"
                    : "your code started more than " + tasks + " threads and processes (the limit per run)";
            case OUTPUT -> zh ? "你的代码输出超过了 " + bytes(outputBytes) + "（每次运行的上限）"
                    : "your code printed more than " + bytes(outputBytes) + " (the limit per run)";
            case FILE -> zh ? "你的代码写的一个文件超过了 " + bytes(fileBytes) + "（每个文件的上限）"
                    : "a file your code wrote grew beyond " + bytes(fileBytes) + " (the limit per file)";
            case SCRATCH -> zh ? "你的代码写入的文件合计超过了 " + bytes(scratchBytes) + "（每次运行的上限）"
                    : "your code wrote more than " + bytes(scratchBytes) + " of files (the limit per run)";
        };
    }

    /** Bytes for people: 64 MiB, 512 KiB, 100 bytes. */
    public static String bytes(long n) {
        if (n >= MIB && n % MIB == 0) {
            return n / MIB + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return n / 1024 + " KiB";
        }
        return String.format(Locale.ROOT, "%d bytes", n);
    }
}
