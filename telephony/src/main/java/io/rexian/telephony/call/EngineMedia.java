package io.rexian.telephony.call;

import io.rexian.telephony.media.Bridge;
import io.rexian.telephony.media.Conference;
import io.rexian.telephony.media.SupervisorMode;
import io.rexian.telephony.media.MediaEngine;
import io.rexian.telephony.media.MediaEvent;
import io.rexian.telephony.media.MediaSession;
import io.rexian.telephony.media.Prompt;
import io.rexian.telephony.media.RecordingLayout;
import io.rexian.telephony.media.Sdp;
import io.rexian.telephony.media.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link CallMedia} on the media package's {@link MediaEngine}. Prompt names: null is the
 * built-in test prompt (a three-note chime shipped in the jar), "hold" music on hold (the chime, looped),
 * "ringback" the ringing tone, anything else a WAV file path.
 */
public final class EngineMedia implements CallMedia {

    private final MediaEngine engine;
    private final boolean ownsEngine;
    private final Prompt testPrompt;

    public EngineMedia(MediaEngine engine, boolean ownsEngine) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.testPrompt = loadTestPrompt();
    }

    public MediaEngine engine() {
        return engine;
    }

    private static Prompt loadTestPrompt() {
        try (InputStream in = EngineMedia.class.getResourceAsStream("/io/rexian/telephony/prompts/test-prompt.wav")) {
            Path tmp = Files.createTempFile("rexian-test-prompt", ".wav");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                return Prompt.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test prompt missing from the jar", e);
        }
    }

    @Override
    public MediaChannel open(String legId) {
        Channel channel = new Channel();
        try {
            channel.session = engine.createSession((session, event) -> channel.on(event));
        } catch (IOException e) {
            throw new IllegalStateException("no RTP port free", e);
        }
        return channel;
    }

    @Override
    public void close() {
        if (ownsEngine) {
            engine.close();
        }
    }

    private final class Channel implements MediaChannel {

        private MediaSession session;
        private volatile Consumer<Character> digits = d -> { };
        private volatile Runnable dead = () -> { };
        private volatile java.util.function.BiConsumer<String, String> collected = (d, e) -> { };
        private Bridge bridge;
        private Conference conference;

        void on(MediaEvent event) {
            switch (event) {
                case MediaEvent.DigitReceived d -> digits.accept(d.digit());
                case MediaEvent.RtpTimeout t -> dead.run();
                case MediaEvent.DigitsCollected c -> collected.accept(c.digits(), c.end().name());
                default -> { }
            }
        }

        @Override
        public String answer(String remoteOffer) {
            return session.answer(Sdp.parse(remoteOffer)).toString();
        }

        @Override
        public String offer() {
            return session.offer().toString();
        }

        @Override
        public void accept(String remoteAnswer) {
            session.acceptAnswer(Sdp.parse(remoteAnswer));
        }

        @Override
        public void play(String prompt, boolean loop) {
            if (prompt == null) {
                session.play(List.of(testPrompt), loop);
            } else if (prompt.equals("hold")) {
                session.play(List.of(testPrompt), true);
            } else if (prompt.equals("ringback")) {
                session.playTone(Tone.RINGBACK);
            } else {
                try {
                    session.play(List.of(engine.prompts().get(Path.of(prompt))), loop);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void collectDigits(List<String> prompts, io.rexian.telephony.media.DigitCollection collection,
                                  java.util.function.BiConsumer<String, String> done) {
            List<Prompt> loaded = new java.util.ArrayList<>();
            for (String name : prompts) {
                try {
                    loaded.add(name == null ? testPrompt : engine.prompts().get(Path.of(name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            collected = done;
            // Collection starts with the prompts so a caller who knows the menu can key ahead (barge-in).
            session.collectDigits(collection);
            if (!loaded.isEmpty()) {
                session.play(loaded, false);
            }
        }

        @Override
        public void stopPlaying() {
            session.stopPlayback();
        }

        @Override
        public void echo() {
            session.echo();
        }

        @Override
        public void bridge(MediaChannel other) {
            unbridge();
            bridge = engine.bridge(session, ((Channel) other).session);
            ((Channel) other).bridge = bridge;
        }

        @Override
        public void unbridge() {
            if (bridge != null) {
                bridge.close();
                bridge = null;
            }
        }

        @Override
        public void supervise(MediaChannel supervisor, String mode) {
            if (bridge != null) {
                bridge.supervise(((Channel) supervisor).session, SupervisorMode.valueOf(mode));
            }
        }

        @Override
        public void conference(List<MediaChannel> others) {
            unbridge();
            Conference room = conference != null ? conference : engine.conference();
            for (MediaChannel other : others) {
                Channel c = (Channel) other;
                c.unbridge();
                c.conference = room;
                room.add(c.session);
            }
            conference = room;
            room.add(session);
        }

        @Override
        public void onDigit(Consumer<Character> listener) {
            digits = listener;
        }

        @Override
        public void receiveDigit(char digit) {
            session.receiveDigit(digit);
        }

        @Override
        public void record(Path file, boolean stereo) throws IOException {
            session.startRecording(file, stereo ? RecordingLayout.STEREO : RecordingLayout.MIXED_MONO);
        }

        @Override
        public void stopRecording() {
            session.stopRecording();
        }

        @Override
        public void onDead(Runnable listener) {
            dead = listener;
        }

        @Override
        public void close() {
            unbridge();
            if (conference != null) {
                conference.remove(session);
            }
            session.close();
        }
    }
}
