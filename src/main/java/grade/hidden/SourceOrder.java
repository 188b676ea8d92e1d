package grade.hidden;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Runs a hidden test class's tests in the order they are written, so the learner meets the
 * simplest case (written first) first. javac keeps the source order of methods in the class
 * file, which this reads; a class without a readable class file keeps JUnit's order.
 */
public final class SourceOrder implements MethodOrderer {
    @Override
    public void orderMethods(MethodOrdererContext context) {
        Map<String, Integer> order = methodOrder(context.getTestClass());
        if (order.isEmpty()) {
            return;
        }
        context.getMethodDescriptors().sort(Comparator.comparingInt(
                d -> order.getOrDefault(d.getMethod().getName(), Integer.MAX_VALUE)));
    }

    static Map<String, Integer> methodOrder(Class<?> type) {
        Map<String, Integer> order = new HashMap<>();
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream raw = type.getResourceAsStream(file)) {
            if (raw == null) {
                return order;
            }
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> {
                        return order;
                    }
                }
            }
            in.skipNBytes(6);
            in.skipNBytes(2L * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int f = 0; f < fields; f++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int m = 0; m < methods; m++) {
                in.skipNBytes(2);
                String name = utf8[in.readUnsignedShort()];
                in.skipNBytes(2);
                skipAttributes(in);
                order.putIfAbsent(name, m);
            }
        } catch (IOException | RuntimeException e) {
            order.clear();
        }
        return order;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            in.skipNBytes(2);
            in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
        }
    }
}
