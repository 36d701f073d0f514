package io.rexian.telephony.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JitterBufferTest {

    final JitterBuffer buffer = new JitterBuffer(3);

    @Test
    void waitsForItsDepthThenPlaysInSequenceOrder() {
        buffer.offer(11, frame(11));
        assertThat(buffer.poll()).isNull();
        buffer.offer(10, frame(10));
        assertThat(buffer.poll()).isNull();
        buffer.offer(13, frame(13));
        buffer.offer(12, frame(12));
        assertThat(playOut(4)).containsExactly(10, 11, 12, 13);
    }

    @Test
    void lostFrameLeavesAGapAndALateOneIsDropped() {
        for (int seq : new int[] {1, 2, 4, 5, 6}) {
            buffer.offer(seq, frame(seq));
        }
        List<Integer> played = playOut(3);
        assertThat(played).containsExactly(1, 2, -1); // 3 missing: silence in its slot
        buffer.offer(3, frame(3)); // arrives after its slot
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(playOut(3)).containsExactly(4, 5, 6);
    }

    @Test
    void orderSurvivesTheSequenceNumberWrap() {
        for (int seq : new int[] {65534, 0, 65535, 1}) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(4)).containsExactly(65534, 65535, 0, 1);
    }

    @Test
    void duplicatesPlayOnce() {
        for (int seq : new int[] {7, 7, 8, 8, 9}) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(3)).containsExactly(7, 8, 9);
        assertThat(buffer.poll()).isNull();
    }

    @Test
    void underrunRefillsToFullDepthBeforePlayingAgain() {
        for (int seq = 0; seq < 3; seq++) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(4)).containsExactly(0, 1, 2, -1);
        buffer.offer(3, frame(3));
        assertThat(buffer.poll()).as("one frame is not enough depth").isNull();
        buffer.offer(4, frame(4));
        buffer.offer(5, frame(5));
        assertThat(playOut(3)).containsExactly(3, 4, 5);
    }

    @Test
    void senderThatRestartsFarBehindIsFollowedNotDroppedForever() {
        for (int seq = 5000; seq < 5003; seq++) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(3)).containsExactly(5000, 5001, 5002);
        for (int seq = 100; seq < 103; seq++) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(3)).containsExactly(100, 101, 102);
    }

    @Test
    void burstIsTrimmedSoTheDelayReturnsToTheDepth() {
        for (int seq = 0; seq < 3; seq++) {
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(1)).containsExactly(0);
        for (int seq = 3; seq < 12; seq++) { // a stalled sender catches up: 9 frames at once
            buffer.offer(seq, frame(seq));
        }
        assertThat(playOut(3)).containsExactly(9, 10, 11);
        assertThat(buffer.dropped()).isEqualTo(8);
    }

    @Test
    void eachFrameKeepsItsOwnMarkerBitThroughReorderingAndTheWrap() {
        buffer.offer(65535, frame(65535), false);
        buffer.offer(1, frame(1), true); // a talkspurt starts, arriving before its predecessor
        buffer.offer(0, frame(0), false);
        buffer.offer(2, frame(2), false);
        List<Boolean> markers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buffer.poll();
            markers.add(buffer.polledMarker());
        }
        assertThat(markers).containsExactly(false, false, true, false);
        buffer.offer(65, frame(65), false); // shares frame 1's bit: that marker must not linger
        buffer.offer(66, frame(66), false);
        buffer.offer(67, frame(67), false);
        buffer.poll();
        assertThat(buffer.polledMarker()).isFalse();
    }

    private List<Integer> playOut(int slots) {
        List<Integer> played = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            byte[] payload = buffer.poll();
            played.add(payload == null ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
        }
        return played;
    }

    private static byte[] frame(int seq) {
        return new byte[] {(byte) (seq >> 8), (byte) seq};
    }
}
