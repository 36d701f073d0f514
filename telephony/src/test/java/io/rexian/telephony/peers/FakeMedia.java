package io.rexian.telephony.peers;

import io.rexian.telephony.call.CallMedia;
import io.rexian.telephony.call.MediaChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Signalling-only tests: answers every offer with a fixed G.711 description and sends no RTP, but
 * remembers who would hear whom, so a test can tell which parties the engine connected.
 */
public final class FakeMedia implements CallMedia {

    public final AtomicInteger open = new AtomicInteger();
    /** Leg id to the leg id it is bridged with, both ways. */
    public final Map<String, String> bridges = new ConcurrentHashMap<>();
    /** Leg id to what the engine plays to it ("hold", "ringback", "test" or a file). */
    public final Map<String, String> playing = new ConcurrentHashMap<>();

    @Override
    public MediaChannel open(String legId) {
        open.incrementAndGet();
        return new Channel(legId);
    }

    private final class Channel implements MediaChannel {

        private static final String SDP = "v=0\r\no=rexian 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        private final String legId;
        private boolean closed;

        Channel(String legId) {
            this.legId = legId;
        }

        @Override public String answer(String remoteOffer) { return SDP; }
        @Override public String offer() { return SDP; }
        @Override public void accept(String remoteAnswer) { }
        @Override public void play(String prompt, boolean loop) { playing.put(legId, prompt == null ? "test" : prompt); }
        @Override public void stopPlaying() { playing.remove(legId); }
        @Override public void echo() { }

        @Override
        public void bridge(MediaChannel other) {
            unbridge();
            String peer = ((Channel) other).legId;
            bridges.put(legId, peer);
            bridges.put(peer, legId);
        }

        @Override
        public void unbridge() {
            String peer = bridges.remove(legId);
            if (peer != null) {
                bridges.remove(peer, legId);
            }
        }

        @Override public void supervise(MediaChannel supervisor, String mode) { }
        @Override public void conference(java.util.List<MediaChannel> others) { }
        @Override public void onDigit(Consumer<Character> listener) { }
        @Override public void receiveDigit(char digit) { }
        @Override public void collectDigits(java.util.List<String> prompts,
                io.rexian.telephony.media.DigitCollection collection,
                java.util.function.BiConsumer<String, String> done) { }
        @Override public void onDead(Runnable listener) { }
        @Override public void record(java.nio.file.Path file, boolean stereo) { }
        @Override public void stopRecording() { }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                unbridge();
                playing.remove(legId);
                open.decrementAndGet();
            }
        }
    }
}
