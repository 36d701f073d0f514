package io.rexian.telephony;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-extension call features: do-not-disturb, call forwarding (unconditional, busy, no answer)
 * call waiting and pickup groups. Held in memory by the engine for routing; with a {@link Store}
 * attached every change is also written through, so features survive a restart.
 * Thread-safe; changes apply to the next call. The store is called on the thread that makes the
 * change (the server's), never on the SIP stack thread, which only reads the memory copy.
 */
public final class ExtensionFeatures {

    /** When a forward applies. */
    public enum Forward { ALWAYS, BUSY, NO_ANSWER }

    /** One extension's features as a whole, for a {@link Store}. */
    public record Settings(boolean doNotDisturb, boolean callWaiting, Map<Forward, String> forwards, String pickupGroup) {

        public Settings {
            forwards = Map.copyOf(forwards);
        }
    }

    /** SPI for persistence (the server keeps them in its database). */
    public interface Store {

        /** Every extension with stored features. */
        Map<String, Settings> loadAll();

        /** Replaces the extension's stored features; called after every change. */
        void save(String extension, Settings settings);
    }

    private volatile Store store;

    /** Loads what {@code store} holds (replacing what is in memory) and writes every later change to it. */
    public void attach(Store newStore) {
        states.clear();
        pickupGroups.clear();
        newStore.loadAll().forEach((extension, s) -> {
            states.put(extension, new State(s.doNotDisturb(), s.callWaiting(), s.forwards()));
            if (s.pickupGroup() != null) {
                pickupGroups.put(extension, s.pickupGroup());
            }
        });
        this.store = newStore;
    }

    /**
     * Forgets the extension's features in memory without writing to the store (its owner deleted
     * the extension and its stored row): a new extension of the same number starts with defaults.
     */
    public void forget(String extension) {
        states.remove(extension);
        pickupGroups.remove(extension);
    }

    /** The extension's features as one value (defaults when nothing was set). */
    public Settings settings(String extension) {
        State s = of(extension);
        return new Settings(s.dnd(), s.callWaiting(), s.forwards(), pickupGroups.get(extension));
    }

    // Synchronized and reading the current state: whichever save runs last writes the latest features.
    private synchronized void saved(String extension) {
        Store target = store;
        if (target != null) {
            target.save(extension, settings(extension));
        }
    }

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
        saved(extension);
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
        saved(extension);
    }

    /** With call waiting off, a second call to a busy extension is treated as busy. */
    public void setCallWaiting(String extension, boolean on) {
        states.compute(extension, (e, s) -> {
            State old = s == null ? of(e) : s;
            return new State(old.dnd(), on, old.forwards());
        });
        saved(extension);
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
        saved(extension);
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
