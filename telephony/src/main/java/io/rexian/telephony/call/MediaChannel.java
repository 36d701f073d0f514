package io.rexian.telephony.call;

import java.util.function.Consumer;

/**
 * One leg's media. All methods may be called from the owning call's executor only;
 * digit callbacks arrive on media threads.
 */
public interface MediaChannel extends AutoCloseable {

    /** Answers a remote SDP offer; throws {@link IllegalArgumentException} when nothing is acceptable (488). */
    String answer(String remoteOffer);

    /** A local SDP offer for an outgoing leg. */
    String offer();

    /** The remote party's SDP answer to {@link #offer()}. */
    void accept(String remoteAnswer);

    /** Plays a named prompt ({@code null}: the default test prompt), looping until stopped when {@code loop}. */
    void play(String prompt, boolean loop);

    /** Stops whatever is being played. */
    void stopPlaying();

    /** Sends back what the leg receives (echo test). */
    void echo();

    /** Relays audio both ways between this and another channel. */
    void bridge(MediaChannel other);

    void unbridge();

    /** Joins {@code supervisor} to this channel's bridge: "LISTEN", "WHISPER" (to this channel's peer) or "BARGE". */
    void supervise(MediaChannel supervisor, String mode);

    /** Turns this channel's bridge (if any) plus {@code others} into one conference where all hear all. */
    void conference(java.util.List<MediaChannel> others);

    void onDigit(Consumer<Character> listener);

    /** A key press signalled outside RTP (SIP INFO): handled exactly like one received as RFC 4733 or in-band. */
    void receiveDigit(char digit);

    /**
     * Plays {@code prompts} in order while collecting digits; {@code done} gets the digits and how the
     * collection ended (a {@code MediaEvent.CollectionEnd} name), once, on a media thread.
     */
    void collectDigits(java.util.List<String> prompts, io.rexian.telephony.media.DigitCollection collection,
                       java.util.function.BiConsumer<String, String> done);

    /** Records both parties of this leg to a WAV file ({@code stereo}: caller left, what it hears right). */
    void record(java.nio.file.Path file, boolean stereo) throws java.io.IOException;

    void stopRecording();

    /** Called (on a media thread) when the remote stopped sending RTP although it should: the call is dead. */
    void onDead(Runnable listener);

    @Override
    void close();
}
