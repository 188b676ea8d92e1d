package grade.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CodecTest {
    private final byte[] key = "a key of thirty-two bytes, fresh".getBytes(StandardCharsets.UTF_8);

    @Test
    void theMacIsHmacSha256AsTheJdkComputesIt() throws Exception {
        Random random = new Random(7);
        for (int keyLength : new int[] {1, 32, 64, 65, 200}) {
            byte[] k = new byte[keyLength];
            random.nextBytes(k);
            HmacSha256 ours = new HmacSha256(k);
            Mac jdk = Mac.getInstance("HmacSHA256");
            jdk.init(new SecretKeySpec(k, "HmacSHA256"));
            for (int n : new int[] {0, 5, 64, 1000}) { // several messages in a row: each starts afresh
                byte[] head = new byte[n / 2];
                byte[] rest = new byte[n - n / 2];
                random.nextBytes(head);
                random.nextBytes(rest);
                ours.update(head);
                jdk.update(head);
                assertArrayEquals(jdk.doFinal(rest), ours.doFinal(rest), "key of " + keyLength + " bytes, message of " + n);
            }
        }
    }

    @Test
    void aLineOfOneSideIsReadByTheOtherInOrder() throws Exception {
        Codec grader = new Codec(key, Codec.Side.GRADER);
        Codec testJvm = new Codec(key, Codec.Side.TEST_JVM);
        Message work = new Message.Work(List.of(new Message.Unit("day03/offsets", 10, List.of("day03.OffsetsTest"))), true);
        assertEquals(work, testJvm.read(grader.write(work)));
        Message.Result r = new Message.Result("day03/offsets", "t", "pass", "", "", 3, false);
        assertEquals(new Message.Hello(), grader.read(testJvm.write(new Message.Hello())));
        assertEquals(r, grader.read(testJvm.write(r)));
    }

    @Test
    void aForgedReplayedOrReflectedLineIsRefused() throws Exception {
        Codec grader = new Codec(key, Codec.Side.GRADER);
        Codec testJvm = new Codec(key, Codec.Side.TEST_JVM);
        String pass = testJvm.write(new Message.Result("day03/offsets", "t", "pass", "", "", 3, false));
        String forged = pass.replace("\"pass\"", "\"fail\"");
        assertThrows(Codec.Refused.class, () -> grader.read(forged));
        assertEquals("pass", ((Message.Result) grader.read(pass)).status());
        assertThrows(Codec.Refused.class, () -> grader.read(pass), "the same line twice");
        Codec other = new Codec(key, Codec.Side.TEST_JVM);
        assertThrows(Codec.Refused.class, () -> other.read(other.write(new Message.Hello())), "its own side's line");
        Codec stranger = new Codec("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8), Codec.Side.TEST_JVM);
        assertThrows(Codec.Refused.class, () -> new Codec(key, Codec.Side.GRADER).read(stranger.write(new Message.Hello())));
        assertThrows(Codec.Refused.class, () -> grader.read("not a line"));
    }
}
