package day01;

/**
 * head [-n N] [FILE]: the first N lines (10 by default), byte for byte, like GNU head.
 * Read the statement first: ./grade show day01 head-tail
 */
public class Head {

    public static void main(String[] args) {
        // TODO: read -n N (a whole number, 0 or more; anything else: message on stderr, exit status 1)
        // TODO: copy the input (FILE, or stdin when there is none) up to and including the N-th '\n'
        //       to stdout, without changing a byte
        System.err.println("TODO: day01/Head is not written yet");
        System.exit(1);
    }
}
