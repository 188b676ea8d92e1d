package day06;

/**
 * The course's UDP chat room server: L NAME, C NAME TEXT, E NAME, and admin lines from stdin.
 * Read the statement first: ./grade show day06 chat-server
 */
public class ChatServer {

    public static void main(String[] args) throws Exception {
        // TODO: bind a DatagramSocket on 127.0.0.1:PORT (args[0]), then print a line containing "listening"
        // TODO: start a thread that reads stdin lines and sends "\n管理员 : LINE" to every member
        // TODO: receive datagrams for ever; decode strict UTF-8; split(" ", 3) like the course's split(' ', 2)
        //       L NAME      -> "OK" (or a refusal text), the others get "\n欢迎 'NAME' 进入聊天室"
        //       C NAME TEXT -> everyone but NAME gets "\nNAME : TEXT"
        //       E NAME      -> the others get "\nNAME 退出聊天室", NAME gets "EXIT" and is removed
        //       anything else: ignore it and keep serving
        System.err.println("TODO: ChatServer is not written yet");
        System.exit(1);
    }
}
