/**
 * RTP media for call legs: the API the SIP side uses.
 *
 * <h2>Use from signalling</h2>
 * <pre>{@code
 * MediaEngine media = MediaEngine.start(MediaSettings.defaults());     // once per node
 *
 * // incoming INVITE with SDP offer
 * MediaSession leg = media.createSession((session, event) -> switch (event) {
 *     case MediaEvent.DigitReceived d -> ...;          // a key press (RFC 4733)
 *     case MediaEvent.DigitsCollected c -> ...;        // collectDigits finished
 *     case MediaEvent.PlaybackFinished p -> ...;       // prompt ended (completed or stopped)
 *     case MediaEvent.RtpTimeout t -> ...;             // no RTP: send BYE
 * });
 * try {
 *     Sdp answer = leg.answer(Sdp.parse(inviteBody));   // put answer.toString() in the 200 OK
 * } catch (SdpException e) {
 *     // e.notAcceptable() ? 488 : 400
 * }
 * leg.play(media.prompts().get(Path.of("welcome.wav")));  // or play(list, loop=true) for *44
 * leg.echo();                                              // *43
 * leg.collectDigits(DigitCollection.upTo(4));
 *
 * // outgoing INVITE: leg.offer() in the INVITE, leg.acceptAnswer(Sdp.parse(body)) on 200 OK
 * // hold: re-INVITE with leg.offer(Direction.SENDONLY) and leg.play(List.of(moh), true)
 * // remote re-INVITE (they hold us): leg.answer(Sdp.parse(body)) again
 * Bridge bridge = media.bridge(callerLeg, agentLeg);         // talk; bridge.supervise(s, WHISPER)
 * Conference room = media.conference(); room.add(leg);      // each hears all others
 * callerLeg.startRecording(path, RecordingLayout.STEREO);   // caller left, agent right
 * leg.close();                                              // on BYE: frees ports, ends recording
 * }</pre>
 *
 * <h2>Threading</h2>
 * One platform thread, "rtp-pacer", owns all media state of every session of the engine: it
 * drains received datagrams, plays out the jitter buffers, mixes, encodes and sends one packet
 * per session every 20 ms with non-blocking sends, and runs timers (digit timeouts, RTP
 * timeout, RTCP about every 5 s) on logical tick time. No other thread reads or writes that state,
 * so there are no locks on the media path. It never blocks.
 *
 * <p>Pacing is a timing wheel: the 20 ms period is cut into 10 slots of 2 ms; a new session
 * takes the least loaded slot and keeps it for life. Every 2 ms the pacer wakes and runs only
 * that slot's sessions, so a session's n-th packet is due at engine start + (slot + 1) × 2 ms +
 * n × 20 ms — its own schedule — and leaves without waiting for the other 90 % of the sessions.
 * RTP timestamps advance one frame per tick and stay contiguous. A session that hears another
 * (bridge, conference, echo) reads that session's latest received frame; the reader and the
 * source are on the same thread, so this is safe, and because slots are fixed each frame is
 * read exactly once, at most one tick (20 ms) after it was pulled from the jitter buffer.
 * If the machine stalls the pacer for more than 60 ms, the missed slots are skipped (lost
 * packets, RTP clocks jump) rather than sent as a burst; shorter delays are caught up.
 *
 * <p>There is deliberately one pacer per engine, not one per core: on the 2-core target one
 * thread needs about a third of a core for 2,000 streams once its work is spread over the
 * slots, and a single owner keeps bridged legs and conference members (created independently,
 * joined later) consistent without cross-thread hand-over. What makes the pacer punctual on a
 * busy machine is its CPU priority (see docs/BENCHMARKS.md): run the node so
 * the "rtp-pacer" thread gets real-time priority (e.g. {@code chrt -r -p 10 TID}) or at least
 * {@code -XX:ThreadPriorityPolicy=1} as root, which maps its MAX_PRIORITY to nice -5.
 *
 * <p>One platform thread, "rtp-receiver", selects over all sockets and only queues datagrams
 * for the session's next tick. API methods may be called from any thread: they queue a command
 * that runs at the start of the next slot (so a call takes effect before the session's next
 * tick, within 2 ms). Listener events arrive on virtual threads, in order per session; listeners
 * may block. Recordings are written on virtual threads.
 *
 * <h2>What the engine does on the wire</h2>
 * G.711 µ-law (PT 0) and A-law (PT 8), telephone-event (offered as PT 101) at ptime 20;
 * RTP ports even from the configured range, RTCP on port + 1 or multiplexed when the offer has
 * a=rtcp-mux; symmetric RTP: after the first valid RTP packet, media is sent back to its source
 * address, so phones behind NAT work; from then on RTP and RTCP from any other address are
 * ignored (no injected audio, key presses or BYE). A session sends silence frames when it has
 * nothing to play, which keeps NAT bindings open and the remote's RTP timeout quiet. Sequence
 * numbers and the media clock run on through hold (the clock advances while nothing is sent).
 * The marker bit starts each talkspurt: the first packet of the stream and the first after a
 * pause in sending (hold, rejected stream), the first packet of each RFC 4733 event, and a
 * relayed packet whose sender marked it. Key presses go out as RFC 4733 events (with the
 * answer's payload type; we accept ours and theirs), or as in-band tones (and are detected
 * in-band, Goertzel) when the remote did not negotiate telephone-event. We send 20 ms packets;
 * inbound 10, 20 or 30 ms packets are re-framed into 20 ms (the relay without decoding applies
 * to whole 20 ms packets only; others are decoded and re-encoded). A new inbound SSRC (the
 * phone restarted its stream, e.g. on a re-INVITE) restarts the jitter buffer and the reception
 * statistics; late packets of the replaced SSRC are dropped for 0.5 s so they cannot restart it
 * again. A sequence jump within one SSRC restarts the statistics once a second packet confirms
 * it (RFC 3550 A.1), so our reports do not claim thousands of packets lost.
 *
 * <p>Comfort noise (PT 13, RFC 3389) is accepted though not offered: it counts as media for
 * the RTP timeout and plays as one frame of silence; the sender's pause after it is silence in
 * real time, so speech resumes after the pause's true length. We never send CN.
 *
 * <p>RTCP: a compound packet once media is negotiated, then every 0.5–1.5 intervals (randomised,
 * RFC 3550 6.3.1): SR when we sent media in the last two intervals (6.3), RR otherwise, then SDES
 * CNAME (6.1; unique per session and node, RFC 7022). Key-press packets are counted but kept out
 * of the jitter estimate (their timestamp is the event's start); LSR/DLSR answer only SRs of the
 * source we hear. RTCP is taken only from the party: the latched address, or before RTCP
 * latches the host RTP came from. Closing a session sends one last compound ending in BYE
 * (6.6), unless the session never sent anything (6.3.7). A remote BYE for the source we hear
 * drops its statistics (our reports stop describing it) and sets
 * {@code MediaSession.remoteSaidBye()}; it does not end the call, because phones also say BYE
 * for an old SSRC when a re-INVITE or transfer changes it: the SIP BYE ends calls, and the RTP
 * timeout catches a remote that vanished without one.
 *
 * <h2>Sub-packages</h2>
 * {@code codec} G.711 tables; {@code rtp} packets, ports, receiver thread, jitter buffer, RTCP;
 * {@code dtmf} RFC 4733 and in-band DTMF; {@code audio} sources (prompt sequences, tones) and
 * resampling; {@code wav} WAV reading and crash-safe writing; {@code mix} frame mixing.
 * They are internals of this package; the signalling side needs only the types here.
 */
package io.rexian.telephony.media;
