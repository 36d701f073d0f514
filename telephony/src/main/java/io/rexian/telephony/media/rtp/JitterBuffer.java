package io.rexian.telephony.media.rtp;

import java.util.TreeMap;

/**
 * A fixed-depth jitter buffer for one inbound stream: reorders frames by sequence number,
 * starts playing out once {@code depth} frames are queued (depth × 20 ms delay), and drops
 * frames that arrive after their slot was played; after a burst it skips old frames so the delay
 * stays near depth × 20 ms. One frame leaves per {@link #poll()}, which
 * the pacing thread calls once per 20 ms tick; an empty slot returns null (a lost frame).
 * Not thread-safe: owned by the pacing thread.
 */
public final class JitterBuffer {

    /** Frames kept at most; a stream that races ahead further is resynchronised. */
    private static final int CAPACITY = 50;
    /** Frames beyond the depth tolerated before the oldest are skipped. */
    private static final int SLACK = 3;

    private final int depth;
    // Keyed by the extended (unwrapped) sequence number so order survives the 65535 → 0 wrap.
    private final TreeMap<Long, byte[]> frames = new TreeMap<>();
    private boolean started;
    private long highest;
    private boolean playing;
    private long next;
    private long dropped;
    /**
     * The RTP marker of each queued frame, bit (extended sequence mod 64): kept beside the
     * payloads so a relay can pass it on without a per-packet object. {@link #CAPACITY} < 64
     * keeps the frames of one playout window on distinct bits.
     */
    private long markers;
    private boolean polledMarker;

    /** @param depth frames to hold before playout, e.g. 2 or 3 for 40–60 ms */
    public JitterBuffer(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least one frame");
        }
        this.depth = depth;
    }

    /** Queues a frame's payload without the marker bit; late or duplicate frames are dropped. */
    public void offer(int sequence, byte[] payload) {
        offer(sequence, payload, false);
    }

    /** Queues a frame's payload and its RTP marker bit; late or duplicate frames are dropped. */
    public void offer(int sequence, byte[] payload, boolean marker) {
        long extended = extend(sequence);
        if (playing && next - extended > CAPACITY) {
            // Far behind what we play: a restarted sender, not a late frame. Follow it.
            frames.clear();
            playing = false;
            highest = extended;
        } else if (playing && extended < next) {
            dropped++;
            return;
        }
        if (playing && extended - next >= CAPACITY) {
            // The sender jumped (restart, new stream): start again from this frame.
            frames.clear();
            playing = false;
        }
        if (frames.putIfAbsent(extended, payload) == null) {
            long bit = 1L << (extended & 63);
            markers = marker ? markers | bit : markers & ~bit;
        }
        while (frames.size() > CAPACITY) {
            frames.pollFirstEntry();
        }
    }

    /** The payload for the next 20 ms slot, or null when nothing is due or it was lost. */
    public byte[] poll() {
        polledMarker = false;
        if (!playing) {
            if (frames.size() < depth) {
                return null;
            }
            playing = true;
            next = frames.firstKey();
        }
        if (frames.isEmpty()) {
            // Underrun: refill to full depth rather than play every later frame late.
            playing = false;
            return null;
        }
        long newest = frames.lastKey();
        if (newest - next >= depth + SLACK) {
            // Frames came in a burst (the sender caught up after a stall): skip the oldest so the
            // delay returns to the configured depth instead of staying high for the whole call.
            long skipTo = newest - depth + 1;
            while (!frames.isEmpty() && frames.firstKey() < skipTo) {
                frames.pollFirstEntry();
                dropped++;
            }
            next = skipTo;
        }
        byte[] payload = frames.remove(next);
        polledMarker = payload != null && (markers & (1L << (next & 63))) != 0;
        next++;
        return payload;
    }

    /** Whether the frame the last {@link #poll()} returned carried the RTP marker bit. */
    public boolean polledMarker() {
        return polledMarker;
    }

    /** Frames dropped: late (after their slot was played) or skipped after a burst. */
    public long dropped() {
        return dropped;
    }

    /** Frames waiting. */
    public int size() {
        return frames.size();
    }

    public void clear() {
        frames.clear();
        playing = false;
        started = false;
    }

    private long extend(int sequence) {
        if (!started) {
            started = true;
            highest = sequence + 65536L; // headroom so a slightly older first frame stays positive
            return highest;
        }
        long extended = highest + SequenceNumbers.distance((int) (highest & 0xFFFF), sequence);
        highest = Math.max(highest, extended);
        return extended;
    }
}
