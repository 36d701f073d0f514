package io.rexian.telephony.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A port free on 127.0.0.1 for both UDP and TCP right now (tests run next to other test runs). */
public final class FreePort {

    private FreePort() {
    }

    public static int pick() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(15000, 20000);
            try (DatagramSocket udp = new DatagramSocket(port, lo); ServerSocket tcp = new ServerSocket(port, 1, lo)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port");
    }

    /** Four consecutive free UDP ports from an even one: sipp's -mp uses port..port+3 (audio and video RTP/RTCP). */
    public static int pickMediaBlock() {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(6000, 7500) * 2;
            try (DatagramSocket a = new DatagramSocket(port, lo); DatagramSocket b = new DatagramSocket(port + 1, lo);
                 DatagramSocket c = new DatagramSocket(port + 2, lo); DatagramSocket d = new DatagramSocket(port + 3, lo)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free media ports");
    }
}
