package io.rexian.telephony.media;

import java.util.List;

/**
 * Two legs joined so each hears the other (caller ↔ agent). With equal codecs RTP payloads are
 * relayed without decoding; otherwise they are transcoded. Key presses are forwarded as RFC 4733
 * events. A supervisor may join in a {@link SupervisorMode}. Methods may be called from any
 * thread; changes take effect on the next tick.
 */
public final class Bridge implements AutoCloseable {

    private final MediaEngine engine;
    private final MediaSession caller;
    private final MediaSession agent;
    private MediaSession supervisor;
    private SupervisorMode mode;
    private boolean closed;

    Bridge(MediaEngine engine, MediaSession caller, MediaSession agent) {
        this.engine = engine;
        this.caller = caller;
        this.agent = agent;
        engine.submit(() -> {
            caller.forwardDigitsOnPacingThread(agent);
            agent.forwardDigitsOnPacingThread(caller);
        });
        route();
    }

    public MediaSession caller() {
        return caller;
    }

    public MediaSession agent() {
        return agent;
    }

    /** Joins (or switches) a supervisor leg in {@code mode}; only one supervisor at a time. */
    public synchronized void supervise(MediaSession supervisorLeg, SupervisorMode supervisorMode) {
        if (supervisor != null && supervisor != supervisorLeg) {
            MediaSession previous = supervisor;
            engine.submit(() -> previous.hearOnPacingThread(List.of()));
        }
        supervisor = supervisorLeg;
        mode = supervisorMode;
        route();
    }

    /** The supervisor leaves; the caller and agent keep talking. */
    public synchronized void endSupervision() {
        if (supervisor != null) {
            MediaSession leaving = supervisor;
            engine.submit(() -> leaving.hearOnPacingThread(List.of()));
            supervisor = null;
            mode = null;
        }
        route();
    }

    /** Separates the legs: each hears nothing until played to or bridged again. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        MediaSession leaving = supervisor;
        engine.submit(() -> {
            caller.hearOnPacingThread(List.of());
            agent.hearOnPacingThread(List.of());
            caller.forwardDigitsOnPacingThread(null);
            agent.forwardDigitsOnPacingThread(null);
            if (leaving != null) {
                leaving.hearOnPacingThread(List.of());
            }
        });
    }

    private void route() {
        MediaSession s = supervisor;
        SupervisorMode m = mode;
        List<MediaSession> callerHears = s != null && m == SupervisorMode.BARGE ? List.of(agent, s) : List.of(agent);
        List<MediaSession> agentHears = s != null && m != SupervisorMode.LISTEN ? List.of(caller, s) : List.of(caller);
        engine.submit(() -> {
            caller.hearOnPacingThread(callerHears);
            agent.hearOnPacingThread(agentHears);
            if (s != null) {
                s.hearOnPacingThread(List.of(caller, agent));
            }
        });
    }
}
