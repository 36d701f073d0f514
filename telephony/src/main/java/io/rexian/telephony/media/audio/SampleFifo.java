package io.rexian.telephony.media.audio;

/**
 * A ring of decoded samples between packets and 20 ms frames: remotes that send 10 or 30 ms
 * packets (ptime other than ours) still yield exactly one 160-sample frame per tick.
 * Not thread-safe: owned by the pacing thread.
 */
public final class SampleFifo {

    private final short[] ring;
    private int head;
    private int size;

    public SampleFifo(int capacity) {
        this.ring = new short[capacity];
    }

    /** Appends samples; the oldest are overwritten when full (a remote sending far too much). */
    public void push(short[] samples, int length) {
        for (int i = 0; i < length; i++) {
            ring[(head + size) % ring.length] = samples[i];
            if (size < ring.length) {
                size++;
            } else {
                head = (head + 1) % ring.length;
            }
        }
    }

    /** Moves up to {@code length} samples into {@code out}, padding with silence; returns how many were real. */
    public int pop(short[] out, int length) {
        int n = Math.min(length, size);
        for (int i = 0; i < n; i++) {
            out[i] = ring[(head + i) % ring.length];
        }
        head = (head + n) % ring.length;
        size -= n;
        java.util.Arrays.fill(out, n, length, (short) 0);
        return n;
    }

    public int size() {
        return size;
    }

    public void clear() {
        head = 0;
        size = 0;
    }
}
