package io.rexian.telephony.media.audio;

import java.util.List;

/**
 * Plays sample arrays one after the other, optionally looping (music on hold, the *44 test).
 * A last partial frame is padded with silence. Owned by the pacing thread.
 */
public final class SampleSequence implements AudioSource {

    private final List<short[]> parts;
    private final boolean loop;
    private int part;
    private int position;

    public SampleSequence(List<short[]> parts, boolean loop) {
        this.parts = List.copyOf(parts);
        this.loop = loop && parts.stream().anyMatch(p -> p.length > 0);
    }

    @Override
    public boolean read(short[] frame) {
        int filled = 0;
        while (filled < frame.length) {
            if (part >= parts.size()) {
                if (!loop) {
                    break;
                }
                part = 0;
            }
            short[] samples = parts.get(part);
            int n = Math.min(frame.length - filled, samples.length - position);
            System.arraycopy(samples, position, frame, filled, n);
            filled += n;
            position += n;
            if (position >= samples.length) {
                part++;
                position = 0;
            }
        }
        if (filled == 0) {
            return false;
        }
        java.util.Arrays.fill(frame, filled, frame.length, (short) 0);
        return true;
    }
}
