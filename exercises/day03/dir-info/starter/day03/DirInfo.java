package day03;

/**
 * Lists a folder: `d NAME/`, `f NAME SIZE`, `l NAME -> TARGET` or `o NAME` per entry, then a total.
 * Usage: java day03.DirInfo DIR
 * Read the statement first: ./grade show day03 dir-info
 */
public class DirInfo {
    public static void main(String[] args) throws Exception {
        // TODO: check that DIR is a folder (else a message on stderr and exit status 1),
        //       list its entries sorted by name, print one line for each, then the total line.
        System.out.println("TODO: DirInfo is not written yet");
    }
}
