package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day06/chat-server solution split in two, ChatServer.java with the main method and a helper
 * ClientHandler.java with the room (the reference solution's class, renamed and package-private),
 * earns full marks from ./grade in a workspace, from grade batch and from the Gradescope
 * autograder run as Gradescope runs it.
 */
@DisabledOnOs(OS.WINDOWS)
class OwnClassesIT {
    static final Path HOME = Path.of(System.getProperty("grade.home", "."));
    static final Path REFERENCE = HOME.resolve("solutions/day06/chat-server/day06/ChatServer.java");
    static final String CHAT_SERVER = """
            package day06;

            /** The chat room server: the room itself is in ClientHandler.java. */
            public class ChatServer {
                public static void main(String[] args) throws java.io.IOException {
                    ClientHandler.main(args);
                }
            }
            """;

    @TempDir
    Path tmp;

    private static String grade(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExportIT.JAVA, "-Dgrade.home=" + HOME, "-jar", System.getProperty("grade.jar")));
        command.addAll(List.of(args));
        return ExportIT.run(dir, Map.of(), command.toArray(String[]::new));
    }

    private static void putSplit(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ChatServer.java"), CHAT_SERVER);
        String handler = Files.readString(REFERENCE).replace("public class ChatServer", "class ClientHandler")
                .replace("ChatServer(DatagramSocket", "ClientHandler(DatagramSocket").replace("ChatServer server = new ChatServer(", "ClientHandler server = new ClientHandler(");
        assertTrue(handler.contains("class ClientHandler") && !handler.contains("new ChatServer("), handler);
        Files.writeString(dir.resolve("ClientHandler.java"), handler);
    }

    @Test
    void aSolutionSplitIntoTwoClassesPassesEverywhere() throws Exception {
        // ./grade in the learner's workspace
        Path ws = tmp.resolve("homework");
        assertTrue(grade(tmp, "init", ws.toString()).startsWith("0\n"));
        Files.delete(ws.resolve("day06/ChatServer.java"));
        putSplit(ws.resolve("day06"));
        String own = grade(tmp, "day06", "chat-server", "-w", ws.toString(), "--no-color");
        assertTrue(own.startsWith("0\n") && own.contains("✔ day06/chat-server"), own);

        // grade batch, the same files in a learner's folder
        Path subs = tmp.resolve("class");
        putSplit(subs.resolve("alice/day06"));
        assertTrue(grade(tmp, "batch", subs.toString(), "day06/chat-server", "--jobs", "1", "--no-color").startsWith("0\n"));
        double batch = JsonParser.parseString(Files.readString(subs.resolve("results/alice.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().get("score").getAsDouble();
        assertEquals(10.0, batch, "grade batch's score");

        // the Gradescope autograder, on the two files uploaded bare
        Path zip = tmp.resolve("day06.zip");
        assertTrue(grade(tmp, "export", "gradescope", "day06", "-o", zip.toString(), "--force").startsWith("0\n"));
        Path root = tmp.resolve("autograder");
        ExportIT.unzip(zip, Files.createDirectories(root.resolve("source")));
        putSplit(root.resolve("submission"));
        String ran = ExportIT.run(root, Map.of("GRADE_AUTOGRADER_ROOT", root.toString()), "bash", root.resolve("source/run_autograder").toString());
        assertTrue(ran.contains("grading ClientHandler.java as day06/ClientHandler.java"), ran);
        double gradescope = 0;
        for (var t : JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject().getAsJsonArray("tests")) {
            var o = t.getAsJsonObject();
            if (o.getAsJsonArray("tags").get(0).getAsString().equals("day06/chat-server")) {
                gradescope += o.get("score").getAsDouble();
            }
        }
        assertEquals(10.0, gradescope, 1e-9, "Gradescope's score of day06/chat-server:\n" + ran);
    }
}
