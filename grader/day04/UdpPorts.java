package day04;

import grade.kit.Ports;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;

/** Free UDP ports on 127.0.0.1 (the kit's Ports.free() finds TCP ones). */
final class UdpPorts {
    private UdpPorts() {
    }

    /** A UDP port of 127.0.0.1 that was free a moment ago, chosen by the system. */
    static int free() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(Ports.loopback(), 0))) {
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new IllegalStateException("no free UDP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
