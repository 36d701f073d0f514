package io.rexian.telephony;

/**
 * Commands to the engine's calls. Each command checks the call's state on the call's own
 * executor and returns the real outcome of that check; what then happens on the wire is reported
 * as {@link CallEvent}s. Ids are the engine's call and leg ids from the events.
 *
 * <p>Threads: meant for application threads. A command waits at most about 2 s for its call and
 * fails with {@code busy-engine} when the call could not take it in time (the command then never
 * runs). From a {@link CallEventListener} a command for the call being reported runs at once;
 * never call commands from the SIP stack's thread.
 *
 * <p>Reasons common to all commands: {@code no-such-call} (unknown or ended call), {@code no-such-leg},
 * {@code wrong-state} (the call or leg is not in a state the command applies to, e.g. an ended leg),
 * {@code busy-engine}. Numbers ({@code target}, {@code number}) fail with {@code not-registered} (a known
 * extension with no phone online), {@code no-trunk} (not an extension and no trunk configured) or
 * {@code unknown-target} (nothing carries it, or the command does not take that kind of number).
 */
public interface CallControl {

    void addListener(CallEventListener listener);

    /** Clears the call: BYE to answered legs, CANCEL or 480 to ringing ones. Reasons: {@code no-such-call}. */
    CallResult hangup(String callId);

    /**
     * Releases one leg (BYE, CANCEL or 487); a party it was bridged with stays and hears music on hold
     * ({@link CallEvent.Unbridged}). The call ends when no live leg remains. Reasons: {@code no-such-leg},
     * {@code wrong-state} (ended).
     */
    CallResult hangupLeg(String legId);

    /**
     * Plays a prompt (a WAV path; null: the built-in test prompt) to an answered leg, optionally in a
     * loop. Reasons: {@code wrong-state} (not answered, parked or ended), {@code no-such-prompt}.
     */
    CallResult play(String legId, String prompt, boolean loop);

    /**
     * Puts the leg's bridged peer on hold (it hears music, the leg hears silence) or takes it off hold;
     * emits {@link CallEvent.Held} for the peer. Reasons: {@code wrong-state} (leg not answered, not
     * bridged, or the peer already in that hold state).
     */
    CallResult hold(String legId, boolean held);

    /**
     * Click-to-dial: rings {@code extension} first and, once answered, calls {@code number} (an
     * extension, an outside number through a trunk, or a test service) and bridges the two. Returns
     * the new call id. Reasons: {@code not-registered} (either), {@code no-trunk}, {@code unknown-target}
     * (also for an application number).
     */
    CallResult originate(String extension, String number);

    /**
     * The application calls {@code number} (an extension, or an outside number through a trunk) with no
     * agent, e.g. outage notices and dunning calls. Returns the new call id; once {@link CallEvent.Answered}
     * the leg is the application's to play to, collect digits from, record, bridge or hang up.
     * {@code callerId} is the calling number shown (null: "application"; a trunk with a user name sends
     * that instead). Reasons: {@code not-registered}, {@code no-trunk}, {@code unknown-target}.
     */
    CallResult dial(String number, String callerId);

    /**
     * Connects two answered legs so they talk and emits {@link CallEvent.Bridged} with the call that
     * now holds both. Neither may be bridged, held, parked, in a conference or supervised. A leg of
     * another call must be that call's only live party: all that call's legs move into
     * {@code legA}'s call, which records them (the other call ends with cause {@code merged} and no
     * record of its own). A leg ringing at the application may be bridged (once answered at the SIP level,
     * i.e. transferred there). May be called from a listener of either call, e.g. on the agent's
     * {@link CallEvent.Answered}. Returns the call id. Reasons: {@code no-such-leg}, {@code wrong-state}.
     */
    CallResult bridge(String legA, String legB);

    /**
     * Separates a bridged leg from its peer; both stay up and hear music on hold until the application
     * plays, bridges or hangs up. Emits {@link CallEvent.Unbridged}. Reasons: {@code wrong-state} (not bridged).
     */
    CallResult unbridge(String legId);

    /**
     * Starts ({@code file} non-null) or stops recording the leg with what it hears; stereo or mixed;
     * emits {@link CallEvent.RecordingChanged}. Reasons: {@code wrong-state} (not answered, already
     * recording on start, not recording on stop), {@code record-failed}.
     */
    CallResult record(String legId, java.nio.file.Path file, boolean stereo);

    /**
     * Blind transfer: the leg's bridged peer is released and the leg, hearing ringback, is connected to
     * {@code target}: an extension, an outside number through a trunk, or an application number (a
     * queue), where it rings at the application as a new inbound call would ({@link CallEvent.Created}
     * naming the number, {@link CallEvent.Ringing}) until {@link #answer}, {@link #bridge} or
     * {@link #reject}. Emits {@link CallEvent.Transferred}. Reasons: {@code wrong-state} (not answered or
     * no bridged peer), the number reasons.
     */
    CallResult transfer(String legId, String target);

    /**
     * Parks the leg: its peer is released, the leg hears music until a phone dials the returned
     * slot (701..720; {@link CallResult#id()}) to retrieve it. Reasons: {@code wrong-state}, {@code park-full}.
     */
    CallResult park(String legId);

    /**
     * Rings {@code supervisor} and, once answered, joins it to the call's bridge in {@code mode}:
     * LISTEN (hears both), WHISPER (agent hears the supervisor too) or BARGE (both hear the supervisor).
     * Reasons: {@code unknown-mode}, {@code not-registered}, {@code wrong-state} (call not answered).
     */
    CallResult supervise(String callId, String supervisor, String mode);

    /**
     * Rings {@code extension} and, once answered, makes the call a conference of everyone in it.
     * Reasons: {@code not-registered}, {@code wrong-state} (call not answered).
     */
    CallResult conference(String callId, String extension);

    /**
     * Attended transfer: {@code waitingLegId} (e.g. the customer, on hold in one call) is connected
     * to {@code targetLegId} (the party consulted in another call: an extension or an outside number);
     * every other leg of both calls (the transferring agent) is released. Reasons: {@code no-such-leg},
     * {@code same-call}, {@code wrong-state} (either leg not answered, or the waiting leg's call busy:
     * from a listener, call this for the target's call, not the waiting one's).
     */
    CallResult attendedTransfer(String waitingLegId, String targetLegId);

    /**
     * Calls to {@code number} (not an extension) ring at the application, e.g. an IVR or a queue: the
     * caller hears ringing and a {@link CallEvent.Ringing} is emitted until {@link #answer} or {@link #reject}.
     */
    void addApplicationNumber(String number);

    /**
     * Answers the leg ringing at the application (a new inbound call, or a leg transferred to an
     * application number); emits {@link CallEvent.Answered}. Reasons: {@code no-such-call},
     * {@code wrong-state} (nothing rings at the application), {@code answer-failed}.
     */
    CallResult answer(String callId);

    /**
     * Refuses an unanswered inbound call or a leg ringing at the application. Causes and what an
     * unanswered caller gets: {@code busy} 486, {@code decline} 603, {@code not-found} 404,
     * {@code unavailable} 480, {@code forbidden} 403, {@code congestion} 503, {@code moved} 410 (a
     * transferred leg gets BYE); anything else fails with {@code unknown-cause}. Reasons also:
     * {@code wrong-state}.
     */
    CallResult reject(String callId, String cause);

    /**
     * Plays {@code prompts} (WAV paths, null for the test prompt; may be empty) to an answered leg
     * while collecting digits; the result arrives as one {@link CallEvent.DigitsCollected}. The
     * first-digit timeout counts from now, prompts included; digits during a prompt are kept.
     * Reasons: {@code wrong-state} (not answered), {@code no-such-prompt}.
     */
    CallResult collectDigits(String legId, java.util.List<String> prompts,
                             io.rexian.telephony.media.DigitCollection collection);

    /**
     * Releases one party of a conference (BYE); the others stay connected to each other (with fewer
     * than two left, the call is cleared). Reasons: {@code no-such-leg}, {@code wrong-state}.
     */
    CallResult conferenceRemove(String legId);
}
