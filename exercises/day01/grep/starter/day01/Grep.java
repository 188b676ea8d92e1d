package day01;

/**
 * grep [-n] [-i] [-v] [-c] PATTERN [FILE...]: prints the lines that match, like GNU grep -E.
 * Read the statement first: ./grade show day01 grep
 */
public class Grep {

    public static void main(String[] args) {
        // TODO: read the options -n -i -v -c, then PATTERN (a java.util.regex.Pattern), then the files
        // TODO: for each line of each file (or of stdin), split at '\n' only, print it if it matches
        //       (FILE: before it for two or more files, LINE: with -n), or print counts with -c
        // TODO: exit status 0 if a line was selected, 1 if none, 2 on an error
        System.err.println("TODO: day01/Grep is not written yet");
        System.exit(1);
    }
}
