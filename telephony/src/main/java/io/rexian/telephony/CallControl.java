package io.rexian.telephony;

/**
 * Commands to the engine's calls. Every method returns at once with the outcome of
 * validation; what happens on the wire afterwards is reported as {@link CallEvent}s.
 * Thread-safe; ids are the engine's call and leg ids from the events.
 */
public interface CallControl {

    void addListener(CallEventListener listener);

    /** Clears the call: BYE to answered legs, CANCEL or 480 to ringing ones. */
    CallResult hangup(String callId);

    /** Plays a prompt to one leg (null: the built-in test prompt), optionally in a loop. */
    CallResult play(String legId, String prompt, boolean loop);

    /** Puts a leg's peer on hold with music, or takes it off hold. */
    CallResult hold(String legId, boolean held);

    /**
     * Click-to-dial: rings {@code extension} first and, once answered, calls {@code number}
     * (an extension or a test service) and bridges the two. Returns the new call id.
     */
    CallResult originate(String extension, String number);

    /** Starts ({@code file} non-null) or stops recording the leg with what it hears; stereo or mixed. */
    CallResult record(String legId, java.nio.file.Path file, boolean stereo);

    /** Blind transfer: the leg's peer leaves and the leg is connected to {@code target} (an extension). */
    CallResult transfer(String legId, String target);

    /**
     * Parks the leg: its peer is released, the leg hears music until a phone dials the returned
     * slot (701..720; {@link CallResult#id()}) to retrieve it.
     */
    CallResult park(String legId);

    /**
     * Rings {@code supervisor} and, once answered, joins it to the call's bridge in {@code mode}:
     * LISTEN (hears both), WHISPER (agent hears the supervisor too) or BARGE (both hear the supervisor).
     */
    CallResult supervise(String callId, String supervisor, String mode);

    /** Rings {@code extension} and, once answered, makes the call a conference of everyone in it. */
    CallResult conference(String callId, String extension);

    /**
     * Attended transfer: {@code waitingLegId} (e.g. the customer, on hold in one call) is connected
     * to {@code targetLegId} (the party consulted in another call); every other leg of both calls
     * (the transferring agent) is released.
     */
    CallResult attendedTransfer(String waitingLegId, String targetLegId);

    /**
     * Calls to {@code number} (not an extension) ring at the application, e.g. an IVR: the caller
     * hears ringing and a {@link CallEvent.Ringing} is emitted until {@link #answer} or {@link #reject}.
     */
    void addApplicationNumber(String number);

    /** Answers an inbound call ringing at the application; reasons: {@code no-such-call}, {@code wrong-state}. */
    CallResult answer(String callId);

    /**
     * Refuses an unanswered inbound call. Causes and what the caller gets: {@code busy} 486,
     * {@code decline} 603, {@code not-found} 404, {@code unavailable} 480, {@code forbidden} 403,
     * {@code congestion} 503, {@code moved} 410; anything else fails with {@code unknown-cause}.
     */
    CallResult reject(String callId, String cause);

    /**
     * Plays {@code prompts} (WAV paths, null for the test prompt; may be empty) to an answered leg
     * while collecting digits; the result arrives as one {@link CallEvent.DigitsCollected}. The
     * first-digit timeout counts from now, prompts included; digits during a prompt are kept.
     */
    CallResult collectDigits(String legId, java.util.List<String> prompts,
                             io.rexian.telephony.media.DigitCollection collection);

    /** Releases one party of a conference (BYE); the others stay connected to each other. */
    CallResult conferenceRemove(String legId);
}
