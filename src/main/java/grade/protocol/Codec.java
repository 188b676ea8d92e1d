package grade.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * The one way messages are written and read, by both sides. A message is one line: an
 * HMAC-SHA256, in hex, then the message as JSON. The MAC covers who speaks, the message's place
 * in its direction's sequence and its text, under a key made fresh for each run: a line that
 * learner code wrote, replayed, reordered or dropped does not verify, and the reader stops there.
 */
public final class Codec {
    /** Who writes: the grader, or the test JVM. */
    public enum Side { GRADER, TEST_JVM }

    private static final Gson GSON = new Gson();
    private static final Map<String, Class<? extends Message>> TYPES = Map.of(
            "hello", Message.Hello.class, "work", Message.Work.class, "begin", Message.Begin.class,
            "result", Message.Result.class, "limit", Message.Limit.class, "end", Message.End.class,
            "done", Message.Done.class);

    private final HmacSha256 mac;
    private final Side me;
    private long sent;
    private long received;

    /** A codec for {@code me}'s end of a channel under {@code key}. */
    public Codec(byte[] key, Side me) {
        this.mac = new HmacSha256(key);
        this.me = me;
    }

    /** The line for {@code m}, without its line end. */
    public synchronized String write(Message m) {
        JsonObject o = GSON.toJsonTree(m).getAsJsonObject();
        o.addProperty("type", type(m.getClass()));
        String json = o.toString();
        return HexFormat.of().formatHex(sign(me, sent++, json)) + " " + json;
    }

    /** The message a line of the other side holds; a line that does not verify is refused. */
    public synchronized Message read(String line) throws Refused {
        int space = line.indexOf(' ');
        if (space <= 0) {
            throw new Refused("not a line of the protocol");
        }
        String json = line.substring(space + 1);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(line.substring(0, space));
        } catch (IllegalArgumentException e) {
            throw new Refused("not a line of the protocol");
        }
        Side other = me == Side.GRADER ? Side.TEST_JVM : Side.GRADER;
        if (!MessageDigest.isEqual(given, sign(other, received, json))) {
            throw new Refused("its signature does not verify");
        }
        received++;
        try {
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            Class<? extends Message> type = TYPES.get(o.has("type") ? o.get("type").getAsString() : "");
            if (type == null) {
                throw new Refused("an unknown message");
            }
            return GSON.fromJson(o, type);
        } catch (JsonParseException | IllegalStateException e) {
            throw new Refused("a signed line that is not a message");
        }
    }

    private byte[] sign(Side side, long seq, String json) {
        mac.update((side.name() + "\n" + seq + "\n").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String type(Class<?> c) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == c).findFirst().orElseThrow().getKey();
    }

    /** A line that is not a trusted message of the other side. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        public Refused(String why) {
            super(why);
        }
    }
}
