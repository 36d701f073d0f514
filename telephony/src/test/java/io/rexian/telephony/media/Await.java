package io.rexian.telephony.media;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens on the engine's threads (real loopback UDP) or fails. */
final class Await {

    private Await() {
    }

    static void until(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
