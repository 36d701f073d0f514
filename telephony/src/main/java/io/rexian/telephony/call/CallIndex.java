package io.rexian.telephony.call;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls in progress, by call id, by SIP Call-ID and by leg id, and the ids they get. Concurrent
 * maps: the stack thread, application threads and the calls' executors all use them.
 */
final class CallIndex {

    final Map<String, Call> bySipCallId = new ConcurrentHashMap<>();
    final Map<String, Call> byId = new ConcurrentHashMap<>();
    final Map<String, Call> byLegId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String idPrefix = Long.toString(System.currentTimeMillis(), 36);

    private final Clock clock;
    private final ExecutorService workers;

    CallIndex(Clock clock, ExecutorService workers) {
        this.clock = clock;
        this.workers = workers;
    }

    Call newCall() {
        String id = idPrefix + "-" + ids.incrementAndGet();
        Call call = new Call(id, new SerialExecutor(workers), clock.instant());
        byId.put(id, call);
        return call;
    }

    Leg addLeg(Call call, String sipCallId, boolean inbound, String party) {
        Leg leg = new Leg(call.id + "." + (call.legs.size() + 1), sipCallId, inbound, party, clock.instant());
        call.legs.add(leg);
        byLegId.put(leg.id, call);
        return leg;
    }

    /** Sends the leg's SIP messages and commands to {@code call} from now on. */
    void repoint(Leg leg, Call call) {
        bySipCallId.put(leg.sipCallId, call);
        byLegId.put(leg.id, call);
    }

    void forget(Call call) {
        byId.remove(call.id);
        for (Leg leg : call.legs) {
            bySipCallId.remove(leg.sipCallId, call);
            byLegId.remove(leg.id);
        }
    }
}
