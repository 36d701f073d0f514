package io.rexian.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.rexian.telephony.media.audio.AudioSource;
import io.rexian.telephony.media.audio.SampleSequence;
import io.rexian.telephony.media.dtmf.DtmfTones;
import io.rexian.telephony.media.dtmf.TelephoneEventSender;
import io.rexian.telephony.media.mix.FrameMixer;
import io.rexian.telephony.media.rtp.InboundDatagram;
import io.rexian.telephony.media.rtp.PortAllocator.ChannelPair;
import io.rexian.telephony.media.rtp.RtcpReports;
import io.rexian.telephony.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of one call leg: an RTP/RTCP port pair, the negotiated stream, and what is played to
 * and heard from the party on the other end. Created by {@link MediaEngine#createSession}.
 *
 * <p>Threading: every public method may be called from any thread and returns at once; state
 * changes are queued as commands and applied by the engine's pacing thread at the start of
 * the next 20 ms tick, which alone owns the session's media state. Events go to the
 * {@link MediaListener} on a virtual thread.
 */
public final class MediaSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MediaSession.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Datagrams queued beyond this are dropped: a flood must not exhaust memory. */
    private static final int MAX_QUEUED_DATAGRAMS = 256;
    private static final int FRAME = Codec.FRAME_SAMPLES;

    private final MediaEngine engine;
    private final MediaListener listener;
    private final ChannelPair channels;
    private final String id;
    private final String cname;
    private final long sdpSessionId;
    private final SerialDispatcher dispatcher = new SerialDispatcher();
    private final ConcurrentLinkedQueue<InboundDatagram> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    // Written by signalling threads (offer/answer bookkeeping), hence synchronized.
    private long sdpVersion;
    private String lastSdpBody;
    private Direction lastOffered = Direction.SENDRECV;
    private Direction wanted = Direction.SENDRECV;

    // Published for monitoring and tests; written only by the pacing thread.
    private volatile Codec codec;
    private volatile long packetsReceived;
    private volatile long packetsRelayed;
    private volatile InetSocketAddress remoteRtp;
    private volatile boolean closed;
    private volatile boolean remoteSaidBye;

    // Owned by the pacing thread.
    private InetSocketAddress sdpRemote;
    private InetSocketAddress remoteRtcp;
    private boolean latched;
    private boolean rtcpLatched;
    private int telephoneEventType = -1;
    private int receiveEventType = -1;
    private Direction direction = Direction.INACTIVE;
    private boolean rtcpMux;
    private final InboundStream in;
    private final OutboundStream out;
    private final TelephoneEventSender eventSender = new TelephoneEventSender(100, 60);
    private final TelephoneEventSender.Packet eventPacket = new TelephoneEventSender.Packet();
    private AudioSource playback;
    private final ArrayDeque<AudioSource> digitTones = new ArrayDeque<>();
    private DigitCollector collector;
    private Recorder recorder;
    private List<MediaSession> hears = List.of();
    private MediaSession forwardDigitsTo;
    private long lastPacketMillis = -1;
    private long activeSinceMillis;
    private boolean timeoutReported;
    private long nextRtcpMillis;
    private long nowMillis;
    /** The pacing wheel slot this session sends in; set when the engine adopts it. */
    int pacingSlot;

    // Per-tick frames, read by other sessions (bridges, conferences) during the same tick.
    final short[] heard = new short[FRAME];
    byte[] heardPayload;
    boolean heardMarker;
    final short[] sent = new short[FRAME];
    private final List<short[]> mixInputs = new ArrayList<>();
    private final byte[] encoded = new byte[FRAME];
    /** The relayed payload's sender began a talkspurt with it: our packet keeps the marker. */
    private boolean relayMarker;

    MediaSession(MediaEngine engine, ChannelPair channels, MediaListener listener) {
        this.engine = engine;
        this.channels = channels;
        this.listener = listener;
        this.id = "m" + IDS.incrementAndGet();
        // Unique beyond this process (RFC 7022): two nodes or a restart must not share CNAMEs.
        this.cname = "rexian-" + id + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        this.sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        this.out = new OutboundStream(engine, channels.rtp(), channels.rtcp());
        this.in = new InboundStream(engine.settings().jitterBufferFrames(), this::onDigit);
    }

    // ---------------------------------------------------------------- identity

    /** Short id for logs, e.g. "m17". */
    public String id() {
        return id;
    }

    /** The local RTP port (even); RTCP is on port + 1 unless rtcp-mux was negotiated. */
    public int localPort() {
        return channels.port();
    }

    /** The local RTP address as bound. */
    public InetSocketAddress localAddress() {
        return new InetSocketAddress(engine.settings().bindAddress(), channels.port());
    }

    /** The negotiated send codec, or null before negotiation. */
    public Codec codec() {
        return codec;
    }

    /** Where RTP goes now: from SDP, or the latched source address (symmetric RTP). */
    public InetSocketAddress remoteAddress() {
        return remoteRtp;
    }

    public long packetsSent() {
        return out.packetsSent();
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    /** Packets forwarded from a bridged peer without decoding (codec relay). */
    public long packetsRelayed() {
        return packetsRelayed;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * True when the source we hear said RTCP BYE and no RTP came since: the remote ended its
     * media. The session goes on (a phone may say BYE for an old SSRC on a re-INVITE); the SIP
     * BYE or {@link MediaEvent.RtpTimeout} ends the call.
     */
    public boolean remoteSaidBye() {
        return remoteSaidBye;
    }

    // ---------------------------------------------------------------- offer/answer

    /** A local offer (sendrecv) for an outgoing INVITE or a re-INVITE. */
    public Sdp offer() {
        return offer(Direction.SENDRECV);
    }

    /**
     * A local offer with {@code direction}: {@link Direction#SENDONLY} to put the remote on hold
     * (play music with {@link #play(List, boolean)}), {@link Direction#SENDRECV} to resume.
     * Apply the remote's reply with {@link #acceptAnswer(Sdp)}.
     */
    public synchronized Sdp offer(Direction direction) {
        lastOffered = direction;
        wanted = direction;
        Sdp draft = OfferAnswer.offer(sdpAddress(), localPort(), sdpSessionId, 0, direction);
        return versioned(draft);
    }

    /**
     * Answers a remote offer (initial INVITE or re-INVITE, e.g. hold) and applies it: picks the
     * offerer's first codec we speak, mirrors its direction, adopts rtcp-mux if offered.
     *
     * @throws SdpException with {@link SdpException#notAcceptable()} when no codec matches (answer 488)
     */
    public synchronized Sdp answer(Sdp remoteOffer) {
        OfferAnswer.Answer answer = OfferAnswer.answer(remoteOffer, sdpAddress(), localPort(), sdpSessionId, 0, wanted);
        apply(answer.negotiated());
        return versioned(answer.sdp());
    }

    /** Applies the remote answer to our last {@link #offer(Direction)}. */
    public synchronized void acceptAnswer(Sdp remoteAnswer) {
        apply(OfferAnswer.accept(remoteAnswer, lastOffered));
    }

    /** Sets the remote end directly (sendrecv, telephone-event 101), bypassing SDP; for tools and tests. */
    public void setRemote(InetSocketAddress remote, Codec sendCodec) {
        InetSocketAddress rtcp = new InetSocketAddress(remote.getAddress(), remote.getPort() + 1);
        apply(new Negotiated(remote, rtcp, sendCodec, Sdp.DEFAULT_TELEPHONE_EVENT, Sdp.DEFAULT_TELEPHONE_EVENT,
                Direction.SENDRECV, false));
    }

    private String sdpAddress() {
        return engine.settings().advertisedAddress().getHostAddress();
    }

    // The o= version must grow when the description changes and stay when it does not (RFC 3264 §8).
    private Sdp versioned(Sdp draft) {
        String body = draft.toString().substring(draft.toString().indexOf("s="));
        if (!body.equals(lastSdpBody)) {
            sdpVersion++;
            lastSdpBody = body;
        }
        return new Sdp(draft.originAddress(), draft.sessionId(), sdpVersion, draft.connectionAddress(), draft.port(),
                draft.payloadTypes(), draft.rtpMaps(), draft.direction(), draft.ptime(), draft.rtcpMux(),
                draft.rtcpPort(), draft.otherMedia(), draft.audioIndex());
    }

    private void apply(Negotiated negotiated) {
        engine.submit(() -> {
            // Keep a latched address while the SDP address stays the same (re-INVITE for hold);
            // a new SDP address (e.g. after a transfer) is used and latched afresh.
            if (negotiated.remoteRtp() == null || !negotiated.remoteRtp().equals(sdpRemote)) {
                sdpRemote = negotiated.remoteRtp();
                remoteRtp = negotiated.remoteRtp();
                remoteRtcp = negotiated.remoteRtcp();
                latched = false;
                rtcpLatched = false;
            }
            codec = negotiated.codec();
            telephoneEventType = negotiated.telephoneEventType();
            receiveEventType = negotiated.receiveEventType();
            direction = negotiated.remoteRtp() == null ? Direction.INACTIVE : negotiated.direction();
            rtcpMux = negotiated.rtcpMux();
            activeSinceMillis = engine.nowMillis();
            timeoutReported = false;
        });
    }

    // ---------------------------------------------------------------- playback

    /** Plays prompts one after the other, replacing any playback; ends with {@link MediaEvent.PlaybackFinished}. */
    public void play(Prompt... prompts) {
        play(List.of(prompts), false);
    }

    /** Plays prompts in order; {@code loop} repeats them until stopped (music on hold, *44). */
    public void play(List<Prompt> prompts, boolean loop) {
        List<short[]> parts = prompts.stream().map(Prompt::samples).toList();
        startPlayback(new SampleSequence(parts, loop));
    }

    /** Plays a call progress tone; repeating tones (ringback, busy) play until stopped. */
    public void playTone(Tone tone) {
        startPlayback(tone.source());
    }

    /** Plays any source; for engine-internal generators. */
    void play(AudioSource source) {
        startPlayback(source);
    }

    /** Stops playback; a {@link MediaEvent.PlaybackFinished} with completed=false follows if something played. */
    public void stopPlayback() {
        engine.submit(() -> stopPlaybackNow(false));
    }

    private void startPlayback(AudioSource source) {
        engine.submit(() -> {
            stopPlaybackNow(false);
            playback = source;
        });
    }

    private void stopPlaybackNow(boolean completed) {
        if (playback != null) {
            playback = null;
            emit(new MediaEvent.PlaybackFinished(completed));
        }
    }

    /** Plays back to the party what it says (the *43 echo test), without transcoding. */
    public void echo() {
        engine.submit(() -> hears = List.of(this));
    }

    // ---------------------------------------------------------------- DTMF

    /**
     * Sends digits (100 ms each, 60 ms apart) as RFC 4733 events, or as in-band tones when the
     * remote did not negotiate telephone-event; other audio pauses meanwhile.
     */
    public void sendDigits(String digits) {
        engine.submit(() -> queueDigits(digits));
    }

    private void queueDigits(String digits) {
        if (telephoneEventType >= 0) {
            eventSender.enqueue(digits);
        } else {
            digitTones.add(new SampleSequence(List.of(DtmfTones.render(digits)), false));
        }
    }

    /** Starts collecting digits; ends with one {@link MediaEvent.DigitsCollected}. Replaces a running collection. */
    public void collectDigits(DigitCollection collection) {
        engine.submit(() -> {
            if (collector != null) {
                emit(collector.cancel());
            }
            collector = new DigitCollector(collection);
        });
    }

    /** Cancels a running collection (its event reports {@link MediaEvent.CollectionEnd#CANCELLED}). */
    public void cancelDigitCollection() {
        engine.submit(() -> {
            if (collector != null) {
                emit(collector.cancel());
                collector = null;
            }
        });
    }

    /**
     * A key press the phone signalled outside RTP (SIP INFO): events, digit collection and
     * forwarding see it exactly as one received in the stream.
     */
    public void receiveDigit(char digit) {
        engine.submit(() -> onDigit(digit, INFO_DIGIT_SAMPLES));
    }

    /** SIP INFO carries a duration only sometimes; 100 ms is what phones typically send. */
    private static final int INFO_DIGIT_SAMPLES = 800;

    private void onDigit(char digit, int durationSamples) {
        emit(new MediaEvent.DigitReceived(digit, Duration.ofMillis(durationSamples / 8)));
        if (forwardDigitsTo != null) {
            forwardDigitsTo.forwardDigit(digit);
        }
        if (collector != null) {
            if (collector.stopsPlayback()) {
                stopPlaybackNow(false);
            }
            MediaEvent.DigitsCollected done = collector.onDigit(digit);
            if (done != null) {
                collector = null;
                emit(done);
            }
        }
    }

    private void forwardDigit(char digit) {
        queueDigits(String.valueOf(digit));
    }

    // ---------------------------------------------------------------- recording

    /**
     * Records this leg to a WAV file (8 kHz 16-bit): {@link RecordingLayout#STEREO} puts the
     * party on the left and what it hears (the other side) on the right. Replaces a running recording.
     */
    public void startRecording(Path file, RecordingLayout layout) throws IOException {
        Recorder started = new Recorder(file, layout);
        engine.submit(() -> {
            if (recorder != null) {
                recorder.stop();
            }
            recorder = started;
        });
    }

    /** Stops recording; the file is complete shortly after (a background thread closes it). */
    public void stopRecording() {
        engine.submit(this::stopRecordingNow);
    }

    private Recorder stopRecordingNow() {
        Recorder stopped = recorder;
        if (stopped != null) {
            stopped.stop();
            recorder = null;
        }
        return stopped;
    }

    // ---------------------------------------------------------------- mixing (used by Bridge, Conference)

    /** Sets, on the pacing thread, whose speech this session's party hears. */
    void hearOnPacingThread(List<MediaSession> sources) {
        hears = List.copyOf(sources);
    }

    void forwardDigitsOnPacingThread(MediaSession peer) {
        forwardDigitsTo = peer;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops media, finishes a recording and frees the ports. Idempotent. */
    @Override
    public void close() {
        engine.submit(this::closeNow);
    }

    void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        if (remoteRtp != null) {
            out.bye(in.reception(), rtcpMux ? remoteRtp : remoteRtcp, rtcpMux, cname);
        }
        stopRecordingNow();
        // Peers in a bridge or conference read these frames; a gone party must sound silent.
        Arrays.fill(heard, (short) 0);
        heardPayload = null;
        heardMarker = false;
        engine.remove(this);
    }

    ChannelPair channels() {
        return channels;
    }

    // ---------------------------------------------------------------- pacing thread: one tick

    /** Datagrams waiting for the next tick; lets tests know a sent packet has arrived. */
    int queuedDatagrams() {
        return queued.get();
    }

    /** Receiver thread: queue a datagram for the next tick. */
    void enqueue(InboundDatagram datagram) {
        if (queued.incrementAndGet() > MAX_QUEUED_DATAGRAMS) {
            queued.decrementAndGet();
            return;
        }
        inbound.add(datagram);
    }

    /** Tick phase 1: consume what arrived since the last tick. */
    void receive(long now) {
        nowMillis = now;
        InboundDatagram datagram;
        while ((datagram = inbound.poll()) != null) {
            queued.decrementAndGet();
            if (datagram.rtcpPort() || RtpPacket.looksLikeRtcp(datagram.data(), datagram.length())) {
                onRtcp(datagram);
            } else {
                onRtp(datagram);
            }
        }
        in.onTick(now);
    }

    private void onRtp(InboundDatagram datagram) {
        if (remoteRtp == null) {
            return; // not negotiated: nobody may inject media
        }
        RtpPacket rtp = RtpPacket.parse(datagram.data(), datagram.length());
        if (rtp == null) {
            return;
        }
        int type = rtp.payloadType();
        boolean event = type == receiveEventType || type == telephoneEventType;
        if (!event && !InboundStream.isAudio(type)) {
            return; // a payload type we never offered
        }
        if (latched && !datagram.source().equals(remoteRtp)) {
            return; // after latching only the party's own address may speak on this call
        }
        if (engine.settings().symmetricRtp() && !latched) {
            latched = true;
            if (!datagram.source().equals(remoteRtp)) {
                log.debug("{} latched RTP to {} (SDP said {})", id, datagram.source(), remoteRtp);
                remoteRtp = datagram.source();
                if (rtcpMux) {
                    remoteRtcp = datagram.source();
                } else if (!rtcpLatched) {
                    remoteRtcp = new InetSocketAddress(datagram.source().getAddress(), datagram.source().getPort() + 1);
                }
            }
        }
        packetsReceived++;
        lastPacketMillis = nowMillis;
        timeoutReported = false;
        remoteSaidBye = false;
        in.accept(rtp, event, datagram.receivedNanos(), nowMillis);
    }

    private void onRtcp(InboundDatagram datagram) {
        if (remoteRtp == null) {
            return;
        }
        if (!rtcpFromParty(datagram.source())) {
            return; // as for RTP: once latched, nobody else may end or skew the party's stream
        }
        if (engine.settings().symmetricRtp() && !rtcpLatched && !rtcpMux) {
            rtcpLatched = true;
            remoteRtcp = datagram.source();
        }
        byte[] data = datagram.data();
        long ntpMiddle = RtcpReports.senderReportNtpMiddle(data, datagram.length());
        if (ntpMiddle >= 0) {
            in.reception().onSenderReport(RtcpReports.senderSsrc(data), ntpMiddle, datagram.receivedNanos());
        }
        if (in.reception().started() && RtcpReports.saysBye(data, datagram.length(), in.reception().ssrc())) {
            log.debug("{} remote {} said RTCP BYE", id, datagram.source());
            in.sourceLeft();
            remoteSaidBye = true;
        }
    }

    /**
     * Whether RTCP from {@code source} may be the party's: after latching, from the latched RTP
     * address when multiplexed, else from the latched RTCP address, or before that from the
     * host RTP came from (behind NAT the RTCP port need not be RTP port + 1).
     */
    private boolean rtcpFromParty(InetSocketAddress source) {
        if (rtcpMux) {
            return !latched || source.equals(remoteRtp);
        }
        if (rtcpLatched) {
            return source.equals(remoteRtcp);
        }
        return !latched || source.getAddress().equals(remoteRtp.getAddress());
    }

    /** Tick phase 2: take this tick's frame of the party's speech out of the jitter buffer. */
    void pullHeard() {
        // Without RFC 4733 events the remote's keys arrive as tones.
        heardPayload = in.pull(heard, telephoneEventType < 0);
        heardMarker = heardPayload != null && in.pulledMarker();
    }

    /** Tick phase 3: produce and send this tick's outgoing frame; record; run timers. */
    void produceAndSend(long scheduledNanos) {
        byte[] relay = produce();
        boolean sending = remoteRtp != null && direction.sends() && codec != null;
        if (sending) {
            if (telephoneEventType >= 0 && eventSender.next(out.timestamp(), eventPacket)) {
                out.send(eventPacket.marker, telephoneEventType, eventPacket.timestamp, eventPacket.payload, 4,
                        remoteRtp, scheduledNanos);
            } else if (relay != null) {
                packetsRelayed++;
                out.sendAudio(relayMarker, codec.payloadType(), relay, relay.length, remoteRtp, scheduledNanos);
            } else {
                codec.encode(sent, FRAME, encoded);
                out.sendAudio(false, codec.payloadType(), encoded, FRAME, remoteRtp, scheduledNanos);
            }
        }
        out.endTick(sending);
        if (recorder != null) {
            recorder.offer(heard, sent);
        }
        if (collector != null) {
            MediaEvent.DigitsCollected done = collector.advance(MediaEngine.TICK_MILLIS);
            if (done != null) {
                collector = null;
                emit(done);
            }
        }
        checkRtpTimeout();
        if (remoteRtp != null && nowMillis >= nextRtcpMillis) {
            // Randomised over 0.5–1.5 intervals (RFC 3550 6.3.1) so legs set up together do not report in step.
            long interval = engine.settings().rtcpInterval().toMillis();
            nextRtcpMillis = nowMillis + interval / 2 + ThreadLocalRandom.current().nextLong(interval + 1);
            out.report(in.reception(), rtcpMux ? remoteRtp : remoteRtcp, rtcpMux, cname);
        }
    }

    /** The engine skipped {@code ticks} slots after a stall: keep the RTP clock and timers in real time. */
    void skip(long ticks) {
        out.skip(ticks);
        if (recorder != null) {
            // Keep the recording in real time: the skipped slots become silence.
            short[] silence = new short[FRAME];
            for (long i = 0; i < Math.min(ticks, 3000); i++) {
                recorder.offer(silence, silence);
            }
        }
        if (collector != null) {
            MediaEvent.DigitsCollected done = collector.advance(ticks * MediaEngine.TICK_MILLIS);
            if (done != null) {
                collector = null;
                emit(done);
            }
        }
    }

    /** Fills {@link #sent}; returns the peer's payload when it can be relayed untouched. */
    private byte[] produce() {
        if (!digitTones.isEmpty()) {
            if (digitTones.peek().read(sent)) {
                return null;
            }
            digitTones.poll();
        }
        if (playback != null) {
            if (playback.read(sent)) {
                return null;
            }
            stopPlaybackNow(true);
        }
        List<MediaSession> sources = hears;
        if (sources.isEmpty()) {
            Arrays.fill(sent, (short) 0);
            return null;
        }
        if (sources.size() == 1) {
            MediaSession source = sources.get(0);
            System.arraycopy(source.heard, 0, sent, 0, FRAME);
            boolean sameCodec = source.heardPayload != null && source.in.codec() == codec
                    && source.heardPayload.length == FRAME;
            relayMarker = sameCodec && source.heardMarker;
            return sameCodec ? source.heardPayload : null;
        }
        mixInputs.clear();
        for (MediaSession source : sources) {
            mixInputs.add(source.heard);
        }
        FrameMixer.mix(mixInputs, FRAME, sent);
        return null;
    }

    private void checkRtpTimeout() {
        Duration timeout = engine.settings().rtpTimeout();
        if (timeout.isZero() || remoteRtp == null || !direction.receives() || timeoutReported) {
            return;
        }
        long since = Math.max(lastPacketMillis, activeSinceMillis);
        if (nowMillis - since >= timeout.toMillis()) {
            timeoutReported = true;
            emit(new MediaEvent.RtpTimeout(Duration.ofMillis(nowMillis - since)));
        }
    }

    private void emit(MediaEvent event) {
        dispatcher.submit(() -> listener.onEvent(this, event));
    }

    @Override
    public String toString() {
        return "MediaSession[" + id + " port " + localPort() + "]";
    }

    /** {packets timed, of those within ±5 ms of this stream's schedule}; for the benchmark. */
    long[] punctuality() {
        return out.punctuality();
    }

    void resetPunctuality() {
        out.resetPunctuality();
    }

    /** Snapshot of the sessions this one hears; for tests. */
    List<MediaSession> hears() {
        return new ArrayList<>(hears);
    }
}
