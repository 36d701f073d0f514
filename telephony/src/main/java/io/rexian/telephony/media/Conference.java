package io.rexian.telephony.media;

import java.util.ArrayList;
import java.util.List;

/**
 * A conference room: every party hears the sum of all others (clipped to 16 bits), never
 * itself. Methods may be called from any thread; changes take effect on the next tick.
 */
public final class Conference implements AutoCloseable {

    private final MediaEngine engine;
    private final List<MediaSession> parties = new ArrayList<>();

    Conference(MediaEngine engine) {
        this.engine = engine;
    }

    public synchronized void add(MediaSession party) {
        if (!parties.contains(party)) {
            parties.add(party);
            route(null);
        }
    }

    public synchronized void remove(MediaSession party) {
        if (parties.remove(party)) {
            route(party);
        }
    }

    public synchronized List<MediaSession> parties() {
        return List.copyOf(parties);
    }

    /** Removes everyone; each party then hears nothing. */
    @Override
    public synchronized void close() {
        List<MediaSession> leaving = List.copyOf(parties);
        parties.clear();
        engine.submit(() -> leaving.forEach(p -> p.hearOnPacingThread(List.of())));
    }

    private void route(MediaSession removed) {
        List<MediaSession> snapshot = List.copyOf(parties);
        engine.submit(() -> {
            if (removed != null) {
                removed.hearOnPacingThread(List.of());
            }
            for (MediaSession party : snapshot) {
                List<MediaSession> others = new ArrayList<>(snapshot);
                others.remove(party);
                party.hearOnPacingThread(others);
            }
        });
    }
}
