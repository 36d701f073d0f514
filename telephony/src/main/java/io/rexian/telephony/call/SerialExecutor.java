package io.rexian.telephony.call;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one after another, in submission order, on a shared (virtual-thread) executor.
 * Each call owns one: everything that touches a call's state runs here, so call state needs
 * no locks.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    /** The executor whose task the current thread runs, if any. */
    private static final ThreadLocal<SerialExecutor> CURRENT = new ThreadLocal<>();

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    /** Work deferred to the end of the running task; touched only by the thread running it. */
    private final Queue<Runnable> afterTask = new ArrayDeque<>();
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    /** True on the thread running one of this executor's tasks. */
    boolean isCurrent() {
        return CURRENT.get() == this;
    }

    /**
     * Runs {@code work} after the current thread's task (and the work deferred before it), before
     * the executor's next task; false when the thread runs no task of any serial executor.
     * Event delivery uses this so a listener sees the call in a consistent state, not half-way
     * through a transition, and may issue commands to it.
     */
    static boolean deferToEndOfTask(Runnable work) {
        SerialExecutor current = CURRENT.get();
        if (current == null) {
            return false;
        }
        current.afterTask.add(work);
        return true;
    }

    /**
     * Runs {@code task} here and returns its result. When it has not started within {@code bound}
     * it never runs and {@code late} is returned; when called from this executor's own task it runs
     * at once (waiting would deadlock).
     */
    <T> T runAndWait(Supplier<T> task, Duration bound, T late) {
        if (isCurrent()) {
            return task.get();
        }
        AtomicBoolean claimed = new AtomicBoolean();
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        });
        try {
            return result.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (claimed.compareAndSet(false, true)) {
                return late;
            }
            // Started just now: it owns the call's state until it finishes, so its outcome is the true one.
            return result.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return claimed.compareAndSet(false, true) ? late : result.join();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void drain() {
        CURRENT.set(this);
        try {
            while (true) {
                Runnable next;
                synchronized (tasks) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                run(next);
                for (Runnable deferred = afterTask.poll(); deferred != null; deferred = afterTask.poll()) {
                    run(deferred);
                }
            }
        } finally {
            CURRENT.remove();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("call task failed", e);
        }
    }
}
