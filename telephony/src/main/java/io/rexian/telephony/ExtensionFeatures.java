package io.rexian.telephony;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-extension call features: do-not-disturb, call forwarding (unconditional, busy, no answer)
 * call waiting and pickup groups. Held in memory by the engine; the server sets them from its data.
 * Thread-safe; changes apply to the next call.
 */
public final class ExtensionFeatures {

    /** When a forward applies. */
    public enum Forward { ALWAYS, BUSY, NO_ANSWER }

    private record State(boolean dnd, boolean callWaiting, Map<Forward, String> forwards) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, String> pickupGroups = new ConcurrentHashMap<>();

    /** Phones in the same pickup group may answer each other's ringing calls with *8; null leaves the group. */
    public void setPickupGroup(String extension, String group) {
        if (group == null) {
            pickupGroups.remove(extension);
        } else {
            pickupGroups.put(extension, group);
        }
    }

    public Optional<String> pickupGroup(String extension) {
        return Optional.ofNullable(pickupGroups.get(extension));
    }

    private State of(String extension) {
        return states.getOrDefault(extension, new State(false, true, Map.of()));
    }

    public void setDoNotDisturb(String extension, boolean on) {
        states.compute(extension, (e, s) -> {
            State old = s == null ? of(e) : s;
            return new State(on, old.callWaiting(), old.forwards());
        });
    }

    /** With call waiting off, a second call to a busy extension is treated as busy. */
    public void setCallWaiting(String extension, boolean on) {
        states.compute(extension, (e, s) -> {
            State old = s == null ? of(e) : s;
            return new State(old.dnd(), on, old.forwards());
        });
    }

    /** Sets ({@code target} non-null) or clears a forward. */
    public void setForward(String extension, Forward when, String target) {
        states.compute(extension, (e, s) -> {
            State old = s == null ? of(e) : s;
            Map<Forward, String> forwards = new java.util.EnumMap<>(Forward.class);
            forwards.putAll(old.forwards());
            if (target == null) {
                forwards.remove(when);
            } else {
                forwards.put(when, target);
            }
            return new State(old.dnd(), old.callWaiting(), Map.copyOf(forwards));
        });
    }

    public boolean doNotDisturb(String extension) {
        return of(extension).dnd();
    }

    public boolean callWaiting(String extension) {
        return of(extension).callWaiting();
    }

    public Optional<String> forward(String extension, Forward when) {
        return Optional.ofNullable(of(extension).forwards().get(when));
    }
}
