package io.rexian.telephony.peers;

import io.rexian.telephony.call.CallMedia;
import io.rexian.telephony.call.MediaChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Signalling-only tests: answers every offer with a fixed G.711 description and sends no RTP. */
public final class FakeMedia implements CallMedia {

    public final AtomicInteger open = new AtomicInteger();

    @Override
    public MediaChannel open(String legId) {
        open.incrementAndGet();
        return new MediaChannel() {
            private final String sdp = "v=0\r\no=rexian 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            private boolean closed;
            @Override public String answer(String remoteOffer) { return sdp; }
            @Override public String offer() { return sdp; }
            @Override public void accept(String remoteAnswer) { }
            @Override public void play(String prompt, boolean loop) { }
            @Override public void stopPlaying() { }
            @Override public void echo() { }
            @Override public void bridge(MediaChannel other) { }
            @Override public void unbridge() { }
            @Override public void supervise(MediaChannel supervisor, String mode) { }
            @Override public void conference(java.util.List<MediaChannel> others) { }
            @Override public void onDigit(Consumer<Character> listener) { }
            @Override public void collectDigits(java.util.List<String> prompts,
                    io.rexian.telephony.media.DigitCollection collection,
                    java.util.function.BiConsumer<String, String> done) { }
            @Override public void onDead(Runnable listener) { }
            @Override public void record(java.nio.file.Path file, boolean stereo) { }
            @Override public void stopRecording() { }
            @Override public void close() {
                if (!closed) {
                    closed = true;
                    open.decrementAndGet();
                }
            }
        };
    }
}
