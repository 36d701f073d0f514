package io.rexian.telephony.media.dtmf;

import java.util.ArrayDeque;

/**
 * Schedules outgoing RFC 4733 key presses, one packet per 20 ms tick: the first with the
 * marker bit, the duration growing by 160 per packet, then the end packet sent three times
 * (same timestamp and duration, new sequence numbers) so one lost packet loses no digit,
 * then a pause of audio before the next digit. Not thread-safe: owned by the pacing thread.
 */
public final class TelephoneEventSender {

    private static final int VOLUME = 10; // -10 dBm0, a typical keypad level
    private static final int END_REPEATS = 3;

    private final int toneTicks;
    private final int pauseTicks;
    private final ArrayDeque<Integer> queued = new ArrayDeque<>();
    private int current = -1;
    private int tick;
    private long eventTimestamp;

    /** @param toneMillis key press length (e.g. 100), @param pauseMillis gap between digits (e.g. 60) */
    public TelephoneEventSender(int toneMillis, int pauseMillis) {
        this.toneTicks = Math.max(1, toneMillis / 20);
        this.pauseTicks = Math.max(1, pauseMillis / 20);
    }

    /** Queues digits; characters that are no DTMF digit are ignored. */
    public void enqueue(CharSequence digits) {
        for (int i = 0; i < digits.length(); i++) {
            int event = TelephoneEvents.event(digits.charAt(i));
            if (event >= 0) {
                queued.add(event);
            }
        }
    }

    /** True while a digit is being sent or waits: the stream's audio is suppressed meanwhile. */
    public boolean busy() {
        return current >= 0 || !queued.isEmpty();
    }

    /**
     * Advances one tick. Returns true and fills {@code packet} when an event packet must go out
     * instead of audio; returns false when this tick belongs to audio (idle or pause).
     */
    public boolean next(long audioTimestamp, Packet packet) {
        if (current < 0) {
            if (queued.isEmpty()) {
                return false;
            }
            current = queued.poll();
            tick = 0;
            eventTimestamp = audioTimestamp;
        }
        int t = tick++;
        int packets = toneTicks + END_REPEATS - 1; // the last tone packet is the first end packet
        if (t < packets) {
            boolean end = t >= toneTicks - 1;
            int duration = Math.min(t + 1, toneTicks) * 160;
            packet.marker = t == 0;
            packet.timestamp = eventTimestamp;
            packet.payload[0] = (byte) current;
            packet.payload[1] = (byte) ((end ? 0x80 : 0) | VOLUME);
            packet.payload[2] = (byte) (duration >> 8);
            packet.payload[3] = (byte) duration;
            return true;
        }
        if (t >= packets + pauseTicks - 1) {
            current = -1;
        }
        return false;
    }

    /** The packet to send; reused across ticks. */
    public static final class Packet {
        public boolean marker;
        public long timestamp;
        public final byte[] payload = new byte[4];
    }
}
