package io.rexian.telephony.media;

/** How a team leader joins a bridged call. */
public enum SupervisorMode {
    /** The supervisor hears both parties; nobody hears the supervisor. */
    LISTEN,
    /** The supervisor hears both; only the agent hears the supervisor (coaching). */
    WHISPER,
    /** The supervisor hears both and both hear the supervisor (a three-way call). */
    BARGE
}
