package io.rexian.telephony.media.dtmf;

/**
 * Turns a stream of RFC 4733 telephone-event packets into key presses, each reported once.
 *
 * <p>An event is reported when its first end packet arrives; the (usually three) end
 * retransmits are then ignored. A new key press is recognised by a new RTP timestamp or
 * event code, and also by the marker bit or a restarted duration after an end: sipp replays a
 * recording byte for byte, so pressing the same digit twice repeats the very same timestamp.
 * If all end packets are lost, the press is still reported when the next one starts or when
 * the stream has been silent for {@link #LOST_END_TIMEOUT_MILLIS}.
 *
 * <p>Not thread-safe: owned by the pacing thread.
 */
public final class TelephoneEventReceiver {

    /** Packets of a held key come every 50 ms at most; 250 ms of silence means the end was lost. */
    static final long LOST_END_TIMEOUT_MILLIS = 250;

    /** Receives each recognised key press; duration is in 8 kHz timestamp units. */
    @FunctionalInterface
    public interface Sink {
        void digit(char digit, int durationSamples);
    }

    private final Sink sink;
    private boolean active;
    private boolean reported;
    private long timestamp;
    private int event;
    private int duration;
    private long lastPacketMillis;

    public TelephoneEventReceiver(Sink sink) {
        this.sink = sink;
    }

    /** Feeds one telephone-event packet's payload (at least 4 bytes) received at {@code nowMillis}. */
    public void onPacket(boolean marker, long packetTimestamp, byte[] payload, int offset, int length, long nowMillis) {
        if (length < 4) {
            return;
        }
        int packetEvent = payload[offset] & 0xFF;
        boolean end = (payload[offset + 1] & 0x80) != 0;
        int packetDuration = ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF);
        lastPacketMillis = nowMillis;
        boolean newPress = !active
                || packetTimestamp != timestamp
                || packetEvent != event
                || (reported && marker)
                || (reported && !end && packetDuration < duration);
        if (newPress) {
            reportPending();
            active = true;
            reported = false;
            timestamp = packetTimestamp;
            event = packetEvent;
        }
        duration = packetDuration;
        if (end && !reported) {
            report();
        }
    }

    /** Called every tick: reports a press whose end packets never came. */
    public void onTick(long nowMillis) {
        if (active && !reported && nowMillis - lastPacketMillis >= LOST_END_TIMEOUT_MILLIS) {
            report();
        }
    }

    private void reportPending() {
        if (active && !reported) {
            report();
        }
    }

    private void report() {
        reported = true;
        char digit = TelephoneEvents.digit(event);
        if (digit != 0) {
            sink.digit(digit, duration);
        }
    }
}
