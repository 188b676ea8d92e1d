package day05;

/**
 * A static file server: java day05.HttpServer PORT DOCROOT
 * Read the statement first: ./grade show day05 http-server
 */
public class HttpServer {

    public static void main(String[] args) throws Exception {
        // TODO: bind a ServerSocket to 127.0.0.1:PORT and print a line containing "listening"
        // TODO: for each client (each on its own thread): read the request line and headers up to
        //       the empty line, check the method, then the target, and answer with a status line,
        //       headers (Content-Type, Content-Length), an empty line and the file's bytes
        System.err.println("TODO: HttpServer is not written yet");
        System.exit(1);
    }
}
