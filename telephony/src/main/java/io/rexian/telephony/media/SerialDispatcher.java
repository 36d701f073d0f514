package io.rexian.telephony.media;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one session's events in order, one at a time, on a virtual thread, so a listener
 * may block without holding up the pacing thread or other sessions.
 */
final class SerialDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SerialDispatcher.class);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    void submit(Runnable task) {
        tasks.add(task);
        if (draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("media-events").start(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("media listener failed", e);
                }
            }
            draining.set(false);
            // A task added between the last poll and the reset would be stranded: re-check.
            if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
