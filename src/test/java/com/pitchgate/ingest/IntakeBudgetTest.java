package com.pitchgate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntakeBudgetTest {

    private static final int KIB = 1024;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void holdsRoomUntilGivenBack() {
        IntakeBudget budget = new IntakeBudget(100 * KIB, Duration.ofMillis(50));
        IntakeBudget.Hold hold = budget.hold(30 * KIB + 1);
        assertThat(hold.bytes()).as("rounded up to whole KiB").isEqualTo(31 * KIB);
        assertThat(budget.heldBytes()).isEqualTo(31 * KIB);
        hold.close();
        hold.close();
        assertThat(budget.heldBytes()).as("given back once").isZero();
        assertThatThrownBy(() -> hold.growTo(KIB)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAfterTheWaitAndKeepsNothingForTheRefused() {
        IntakeBudget budget = new IntakeBudget(100 * KIB, Duration.ofMillis(100));
        try (IntakeBudget.Hold first = budget.hold(80 * KIB)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> budget.hold(30 * KIB)).isInstanceOf(IntakeBudget.Exhausted.class)
                    .hasMessageContaining("busy with 0.1 MiB").hasMessageContaining("no room came for 30720 bytes within 100 ms");
            assertThat(System.nanoTime() - start).as("waited first").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
            assertThat(budget.heldBytes()).isEqualTo(80 * KIB);
            assertThat(budget.hold(20 * KIB).bytes()).as("what fits passes").isEqualTo(20 * KIB);
        }
    }

    @Test
    void aWaitingHoldGetsTheRoomGivenBack() throws Exception {
        IntakeBudget budget = new IntakeBudget(100 * KIB, Duration.ofSeconds(10));
        IntakeBudget.Hold first = budget.hold(80 * KIB);
        Future<Long> second = threads.submit(() -> budget.hold(50 * KIB).bytes());
        assertThatThrownBy(() -> second.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        first.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(50 * KIB);
    }

    @Test
    void aMessageLargerThanTheBudgetPassesAlone() throws Exception {
        IntakeBudget budget = new IntakeBudget(100 * KIB, Duration.ofSeconds(10));
        IntakeBudget.Hold small = budget.hold(KIB);
        Future<Long> huge = threads.submit(() -> budget.hold(500 * KIB).bytes());
        assertThatThrownBy(() -> huge.get(200, TimeUnit.MILLISECONDS)).as("not while another holds room")
                .isInstanceOf(TimeoutException.class);
        small.close();
        assertThat(huge.get(5, TimeUnit.SECONDS)).as("the whole budget").isEqualTo(100 * KIB);
    }

    @Test
    void smallHoldsDoNotOvertakeALargeOneThatWaits() throws Exception {
        IntakeBudget budget = new IntakeBudget(100 * KIB, Duration.ofSeconds(10));
        IntakeBudget.Hold first = budget.hold(60 * KIB);
        CompletableFuture<IntakeBudget.Hold> large = CompletableFuture.supplyAsync(() -> budget.hold(70 * KIB), threads);
        Thread.sleep(100);
        CompletableFuture<IntakeBudget.Hold> small = CompletableFuture.supplyAsync(() -> budget.hold(10 * KIB), threads);
        Thread.sleep(200);
        assertThat(small).as("room for it, but it queues behind the large one").isNotDone();
        first.close();
        assertThat(large.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(70 * KIB);
        assertThat(small.get(5, TimeUnit.SECONDS).bytes()).isEqualTo(10 * KIB);
    }

    @Test
    void aStreamHoldsRoomAsItIsRead() throws Exception {
        IntakeBudget budget = new IntakeBudget(1024 * KIB, Duration.ofMillis(100));
        try (IntakeBudget.Hold hold = budget.hold(0)) {
            InputStream in = hold.reading(new ByteArrayInputStream(new byte[300 * KIB]));
            assertThat(hold.bytes()).isZero();
            assertThat(in.readNBytes(10 * KIB)).hasSize(10 * KIB);
            assertThat(hold.bytes()).as("what was read, and at most a step more").isBetween(10L * KIB, 74L * KIB);
            in.readAllBytes();
            assertThat(hold.bytes()).isBetween(300L * KIB, 450L * KIB);
        }
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void aStreamThatOutgrowsTheRoomFailsWhileRead() {
        IntakeBudget budget = new IntakeBudget(200 * KIB, Duration.ofMillis(100));
        try (IntakeBudget.Hold other = budget.hold(100 * KIB); IntakeBudget.Hold hold = budget.hold(0)) {
            InputStream in = hold.reading(new ByteArrayInputStream(new byte[300 * KIB]));
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IntakeBudget.Exhausted.class);
            assertThat(hold.bytes()).as("what it had stays held until closed").isPositive().isLessThanOrEqualTo(100 * KIB);
        }
        assertThat(budget.heldBytes()).isZero();
    }

    @Test
    void theDefaultIsAFifthOfTheHeap() {
        assertThat(IntakeBudget.defaultBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 5);
    }
}
