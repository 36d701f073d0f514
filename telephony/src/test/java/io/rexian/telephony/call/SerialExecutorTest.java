package io.rexian.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call executor's guarantees that commands rely on: bounded waits and events after the task. */
class SerialExecutorTest {

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final SerialExecutor executor = new SerialExecutor(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aCommandThatCannotStartInTimeIsAnsweredLateAndNeverRuns() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                busy.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicBoolean ran = new AtomicBoolean();
        String result = executor.runAndWait(() -> {
            ran.set(true);
            return "ok";
        }, Duration.ofMillis(200), "busy-engine");
        busy.countDown();
        assertThat(result).isEqualTo("busy-engine");
        assertThat(executor.runAndWait(() -> "after", Duration.ofSeconds(2), "late")).isEqualTo("after");
        assertThat(ran).as("the late command was dropped, not run behind the caller's back").isFalse();
    }

    @Test
    void fromItsOwnTaskACommandRunsAtOnceAndDeferredWorkFollowsTheTask() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(() -> {
            SerialExecutor.deferToEndOfTask(() -> {
                order.add("event");
                order.add(executor.runAndWait(() -> "command", Duration.ofSeconds(1), "late"));
                done.countDown();
            });
            order.add("task");
        });
        executor.execute(() -> order.add("next task"));
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(order).containsExactly("task", "event", "command", "next task");
        assertThat(SerialExecutor.deferToEndOfTask(() -> { })).as("no task on this thread").isFalse();
    }
}
