package io.rexian.telephony.media;

import java.util.ArrayList;
import java.util.List;

/**
 * The 20 ms period cut into equal slots; every session sends in exactly one of them, so its
 * packets leave at its own phase, 20 ms apart, and each slot's work is a fraction of the
 * sessions. New sessions take the least loaded slot, which spreads sessions evenly over the
 * period. Used by the pacing thread only.
 */
final class PacingWheel {

    private final List<List<MediaSession>> slots = new ArrayList<>();

    PacingWheel(int slotCount) {
        for (int i = 0; i < slotCount; i++) {
            slots.add(new ArrayList<>());
        }
    }

    int slotCount() {
        return slots.size();
    }

    /** Puts the session into the least loaded slot and returns that slot. */
    int add(MediaSession session) {
        int best = 0;
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i).size() < slots.get(best).size()) {
                best = i;
            }
        }
        slots.get(best).add(session);
        return best;
    }

    void remove(MediaSession session, int slot) {
        slots.get(slot).remove(session);
    }

    /** The sessions that send in {@code slot}; a live list, not to be changed by the caller. */
    List<MediaSession> slot(int slot) {
        return slots.get(slot);
    }

    /**
     * How often {@code slot} occurs among the {@code count} slot ticks starting at global slot
     * tick {@code first} (slot tick k is slot k mod slotCount).
     */
    long occurrences(int slot, long first, long count) {
        int n = slots.size();
        long offset = Math.floorMod(slot - first, n);
        return offset < count ? (count - offset - 1) / n + 1 : 0;
    }
}
