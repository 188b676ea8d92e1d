package day01;

/**
 * wc [-l] [-w] [-c] [FILE...]: counts lines, words and bytes, like GNU wc.
 * Read the statement first: ./grade show day01 wc
 */
public class Wc {

    public static void main(String[] args) {
        // TODO: read the flags -l, -w, -c (none means all three) and the file names
        // TODO: count each file (or stdin when there is none) as raw bytes:
        //       lines = '\n' bytes, words = runs of bytes that are not ASCII whitespace
        // TODO: print the selected counts in the order lines, words, bytes, then the name;
        //       a "total" line for two or more files; a missing file: message on stderr, exit status 1
        System.err.println("TODO: day01/Wc is not written yet");
        System.exit(1);
    }
}
