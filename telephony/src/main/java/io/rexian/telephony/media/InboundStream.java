package io.rexian.telephony.media;

import io.rexian.telephony.media.audio.SampleFifo;
import io.rexian.telephony.media.dtmf.InbandDtmfDetector;
import io.rexian.telephony.media.dtmf.TelephoneEventReceiver;
import io.rexian.telephony.media.rtp.JitterBuffer;
import io.rexian.telephony.media.rtp.ReceptionStatistics;
import io.rexian.telephony.media.rtp.RtpPacket;

/**
 * The receiving half of one session's RTP stream: statistics for RTCP, the jitter buffer,
 * re-framing of 10/30 ms packets into 20 ms frames, comfort noise, and key presses (RFC 4733
 * events or in-band tones). Which packets may enter (negotiation, latching) is the session's
 * decision. Owned by the pacing thread.
 */
final class InboundStream {

    /** Comfort noise (RFC 3389), static payload type 13 (RFC 3551). */
    static final int COMFORT_NOISE = 13;
    private static final int FRAME = Codec.FRAME_SAMPLES;
    /** Enough for 5 ms packets; more per tick means a burst the jitter buffer trims anyway. */
    private static final int MAX_PACKETS_PER_TICK = 4;
    /** How long packets of a replaced source are stragglers, not a source coming back. */
    private static final long STRAGGLER_MILLIS = 500;

    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final JitterBuffer jitterBuffer;
    private final SampleFifo fifo = new SampleFifo(8 * FRAME);
    private final short[] decodeBuffer = new short[1024];
    private final TelephoneEventReceiver eventReceiver;
    private final InbandDtmfDetector inbandDetector;
    private Codec codec;
    private long ssrc = -1;
    private long replacedSsrc = -1;
    private long replacedUntilMillis;
    private boolean pulledMarker;

    InboundStream(int jitterBufferFrames, TelephoneEventReceiver.Sink digits) {
        this.jitterBuffer = new JitterBuffer(jitterBufferFrames);
        this.eventReceiver = new TelephoneEventReceiver(digits);
        this.inbandDetector = new InbandDtmfDetector(digits);
    }

    /** The codec of the last audio packet, or null before any arrived. */
    Codec codec() {
        return codec;
    }

    ReceptionStatistics reception() {
        return reception;
    }

    /** Whether audio of this payload type may enter: a codec we speak, or comfort noise. */
    static boolean isAudio(int payloadType) {
        return payloadType == COMFORT_NOISE || Codec.forPayloadType(payloadType) != null;
    }

    /** An accepted packet: audio or comfort noise ({@link #isAudio}), or a telephone-event. */
    void accept(RtpPacket rtp, boolean telephoneEvent, long arrivalNanos, long nowMillis) {
        if (rtp.ssrc() == replacedSsrc && nowMillis < replacedUntilMillis) {
            return; // late packets of the source a re-INVITE replaced would restart the stream again
        }
        reception.onPacket(rtp.ssrc(), rtp.sequence(), rtp.timestamp(), arrivalNanos / 125_000, !telephoneEvent);
        if (telephoneEvent) {
            eventReceiver.onPacket(rtp.marker(), rtp.timestamp(), rtp.data(), rtp.payloadOffset(), rtp.payloadLength(), nowMillis);
            return;
        }
        if (rtp.ssrc() != ssrc) {
            // A new source (transfer, phone restart): its sequence numbers start anew.
            replacedSsrc = ssrc;
            replacedUntilMillis = nowMillis + STRAGGLER_MILLIS;
            ssrc = rtp.ssrc();
            jitterBuffer.clear();
            fifo.clear();
        }
        if (rtp.payloadType() == COMFORT_NOISE) {
            // The sender paused (RFC 3389) and sends little or nothing until it speaks again.
            // The CN packet plays as one frame of silence in the sender's codec, so its sequence
            // number is no loss; the pause after it plays as silence in real time, and the
            // jitter buffer refills to its depth when speech resumes, so the pause keeps its length.
            if (codec != null) {
                jitterBuffer.offer(rtp.sequence(), codec.silenceFrame(), rtp.marker());
            }
            return;
        }
        codec = Codec.forPayloadType(rtp.payloadType());
        jitterBuffer.offer(rtp.sequence(), rtp.payloadCopy(), rtp.marker());
    }

    /**
     * The remote's RTCP BYE for the source we hear: it will send no more. Its statistics are
     * dropped so our receiver reports stop describing it; frames still queued play out.
     */
    void sourceLeft() {
        reception.forget();
    }

    /** Once per tick: a key press whose end packets were lost is reported after a while. */
    void onTick(long nowMillis) {
        eventReceiver.onTick(nowMillis);
    }

    /**
     * Fills {@code frame} with this tick's 20 ms of the party's speech (silence where nothing
     * arrived). Returns the packet's payload when the frame is exactly one whole 20 ms packet,
     * which a bridge can then relay without decoding; else null.
     */
    byte[] pull(short[] frame, boolean detectInbandDigits) {
        boolean aligned = fifo.size() == 0;
        byte[] only = null;
        pulledMarker = false;
        int packets = 0;
        // One 20 ms packet per tick normally; two for 10 ms packets; none every third tick for 30 ms.
        while (fifo.size() < FRAME && packets < MAX_PACKETS_PER_TICK) {
            byte[] payload = jitterBuffer.poll();
            packets++;
            if (payload == null || codec == null) {
                break;
            }
            int n = Math.min(payload.length, decodeBuffer.length);
            codec.decode(payload, 0, n, decodeBuffer);
            fifo.push(decodeBuffer, n);
            only = packets == 1 ? payload : null;
            pulledMarker = packets == 1 && jitterBuffer.polledMarker();
        }
        int real = fifo.pop(frame, FRAME);
        if (real > 0 && detectInbandDigits) {
            inbandDetector.onFrame(frame, FRAME);
        }
        return aligned && only != null && only.length == FRAME && fifo.size() == 0 ? only : null;
    }

    /** Whether the payload the last {@link #pull} returned for relaying carried the sender's marker bit. */
    boolean pulledMarker() {
        return pulledMarker;
    }
}
