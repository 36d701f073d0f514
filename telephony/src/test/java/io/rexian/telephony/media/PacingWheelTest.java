package io.rexian.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sessions are spread over the 20 ms period, and skipped slots are counted per slot. */
class PacingWheelTest {

    @Test
    void sessionsAreSpreadEvenlyOverTheSlots() throws IOException {
        try (MediaEngine engine = MediaEngine.manual(MediaSettings.defaults().withPorts(39000, 39199))) {
            List<MediaSession> sessions = new ArrayList<>();
            for (int i = 0; i < 3 * MediaEngine.SLOTS; i++) {
                sessions.add(engine.createSession(null));
            }
            engine.tick();
            int[] perSlot = new int[MediaEngine.SLOTS];
            sessions.forEach(s -> perSlot[s.pacingSlot]++);
            assertThat(perSlot).containsOnly(3);

            sessions.get(0).close();
            engine.tick();
            MediaSession next = engine.createSession(null);
            engine.tick();
            assertThat(next.pacingSlot).as("a freed place is filled first").isEqualTo(sessions.get(0).pacingSlot);
        }
    }

    @Test
    void countsHowOftenEachSlotWasSkipped() {
        PacingWheel wheel = new PacingWheel(10);
        // slot ticks 7..31 (25 ticks): slot 7 at 7, 17, 27; slot 2 at 12, 22; slot 1 at 21, 31
        assertThat(wheel.occurrences(7, 7, 25)).isEqualTo(3);
        assertThat(wheel.occurrences(2, 7, 25)).isEqualTo(2);
        assertThat(wheel.occurrences(1, 7, 25)).isEqualTo(3);
        assertThat(wheel.occurrences(6, 7, 25)).isEqualTo(2);
        assertThat(wheel.occurrences(3, 7, 3)).isZero();
        long total = 0;
        for (int slot = 0; slot < 10; slot++) {
            total += wheel.occurrences(slot, 7, 25);
        }
        assertThat(total).isEqualTo(25);
    }
}
