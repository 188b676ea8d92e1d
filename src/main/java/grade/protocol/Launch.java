package grade.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the test JVM reads first, from its stdin, before any learner class exists: the run's key
 * and where the grader listens. Neither is on its command line or in its environment, where
 * learner code and the programs it starts could read them.
 *
 * @param key     the run's secret for {@link Codec}
 * @param channel the grader's Unix domain socket
 * @param warm    run the warm-up tests before waiting for work
 */
public record Launch(byte[] key, String channel, boolean warm) {

    /** The line that carries it, without its line end. */
    public String line() {
        return Base64.getEncoder().encodeToString(key) + " " + warm + " "
                + Base64.getEncoder().encodeToString(channel.getBytes(StandardCharsets.UTF_8));
    }

    public static Launch parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a launch line");
        }
        return new Launch(Base64.getDecoder().decode(parts[0]),
                new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8), Boolean.parseBoolean(parts[1]));
    }
}
