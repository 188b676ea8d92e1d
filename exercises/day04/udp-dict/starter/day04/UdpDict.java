package day04;

/**
 * A dictionary over UDP: java day04.UdpDict PORT DICT
 * DICT holds word<TAB>meaning lines (UTF-8). Each datagram is one word; the reply datagram is
 * its meaning, "NOT FOUND: word", "EMPTY QUERY" or "BAD QUERY".
 * Print a line containing "listening" once the socket is bound.
 * Read the statement first: ./grade show day04 udp-dict
 */
public class UdpDict {
    public static void main(String[] args) throws Exception {
        // TODO: load DICT into a Map (skip a BOM and lines without a TAB; strip words; the last line wins)
        // TODO: bind a DatagramSocket on 127.0.0.1:PORT, print "listening", then for ever:
        //       receive a datagram, decode it strictly, strip it, send the answer back to its sender
        System.err.println("TODO: UdpDict is not written yet");
        System.exit(1);
    }
}
