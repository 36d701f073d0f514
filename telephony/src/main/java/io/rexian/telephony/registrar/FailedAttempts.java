package io.rexian.telephony.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per source address; after {@code limit} failures within
 * {@code window} the address is blocked for {@code block}. Thread-safe.
 */
public final class FailedAttempts {

    private final int limit;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    public FailedAttempts(int limit, Duration window, Duration block, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    public boolean isBlocked(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        blockedUntil.remove(address, until);
        return false;
    }

    public void failed(String address) {
        Instant now = clock.instant();
        failures.compute(address, (a, times) -> {
            Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
            t.addLast(now);
            while (!t.isEmpty() && t.peekFirst().isBefore(now.minus(window))) {
                t.removeFirst();
            }
            if (t.size() >= limit) {
                blockedUntil.put(address, now.plus(block));
                return null;
            }
            return t;
        });
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
