package io.rexian.telephony.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Settings of a {@link MediaEngine}. Defaults ({@link #defaults()}) suit a first run: RTP on
 * 127.0.0.1, ports 20000–29999, 30 s RTP timeout, RTCP every 5 s, 60 ms jitter buffer.
 *
 * @param bindAddress        local address RTP/RTCP sockets bind to
 * @param advertisedAddress  address written into SDP c= lines (differs from bindAddress behind NAT or 0.0.0.0)
 * @param minPort            lowest RTP port (RTP ports are even, RTCP is RTP + 1)
 * @param maxPort            highest port of the range, inclusive
 * @param rtpTimeout         silence after which {@link MediaEvent.RtpTimeout} fires; zero disables
 * @param rtcpInterval       time between RTCP reports
 * @param jitterBufferFrames 20 ms frames buffered before playout on the recording/mixing paths (2–3)
 * @param symmetricRtp       send to where the remote's RTP actually comes from (phones behind NAT)
 */
public record MediaSettings(InetAddress bindAddress, InetAddress advertisedAddress, int minPort, int maxPort,
                            Duration rtpTimeout, Duration rtcpInterval, int jitterBufferFrames,
                            boolean symmetricRtp) {

    public MediaSettings {
        if (minPort < 1024 || maxPort > 65535 || maxPort <= minPort) {
            throw new IllegalArgumentException("RTP port range " + minPort + "-" + maxPort + " is invalid");
        }
        if (jitterBufferFrames < 1 || jitterBufferFrames > 10) {
            throw new IllegalArgumentException("jitter buffer must hold 1-10 frames, not " + jitterBufferFrames);
        }
    }

    public static MediaSettings defaults() {
        InetAddress loopback = loopback();
        return new MediaSettings(loopback, loopback, 20000, 29999, Duration.ofSeconds(30), Duration.ofSeconds(5), 3, true);
    }

    public MediaSettings withPorts(int min, int max) {
        return new MediaSettings(bindAddress, advertisedAddress, min, max, rtpTimeout, rtcpInterval, jitterBufferFrames, symmetricRtp);
    }

    public MediaSettings withAddresses(InetAddress bind, InetAddress advertised) {
        return new MediaSettings(bind, advertised, minPort, maxPort, rtpTimeout, rtcpInterval, jitterBufferFrames, symmetricRtp);
    }

    public MediaSettings withRtpTimeout(Duration timeout) {
        return new MediaSettings(bindAddress, advertisedAddress, minPort, maxPort, timeout, rtcpInterval, jitterBufferFrames, symmetricRtp);
    }

    public MediaSettings withRtcpInterval(Duration interval) {
        return new MediaSettings(bindAddress, advertisedAddress, minPort, maxPort, rtpTimeout, interval, jitterBufferFrames, symmetricRtp);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
