package io.rexian.telephony.media.rtp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the UDP payloads out of a classic libpcap file (Ethernet or Linux cooked capture,
 * IPv4), e.g. sipp's RTP recordings in /usr/share/sip-tester. Test support only.
 */
public final class PcapReader {

    private PcapReader() {
    }

    /** The UDP payload of every IPv4/UDP packet in capture order. */
    public static List<byte[]> udpPayloads(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4) {
            buf.order(ByteOrder.BIG_ENDIAN);
            if (buf.getInt(0) != 0xa1b2c3d4) {
                throw new IOException(file + " is not a libpcap file");
            }
        }
        int linkType = buf.getInt(20);
        int linkHeader = switch (linkType) {
            case 1 -> 14;   // Ethernet
            case 113 -> 16; // Linux cooked
            default -> throw new IOException("unsupported pcap link type " + linkType);
        };
        List<byte[]> payloads = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= buf.limit()) {
            int captured = buf.getInt(pos + 8);
            int frame = pos + 16;
            int ip = frame + linkHeader;
            byte[] data = buf.array();
            if ((data[ip] >> 4) == 4 && data[ip + 9] == 17) {
                int ipHeader = (data[ip] & 0x0F) * 4;
                int udp = ip + ipHeader;
                int udpLength = ((data[udp + 4] & 0xFF) << 8) | (data[udp + 5] & 0xFF);
                payloads.add(Arrays.copyOfRange(data, udp + 8, udp + udpLength));
            }
            pos = frame + captured;
        }
        return payloads;
    }
}
