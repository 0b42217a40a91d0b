package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Database leases on each database they run on, each test on a new database. */
class LeasesTest {

    private static final String MAILBOX = "imap:contact@lafabrique.example";
    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aLeaseIsHeldByOneOwnerUntilItExpires(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            Leases leases = new Leases(database.jdbi(), clock);

            assertThat(leases.acquire(MAILBOX, "instance-a", TTL)).isTrue();
            assertThat(leases.acquire(MAILBOX, "instance-b", TTL)).isFalse();
            assertThat(leases.acquire("imap:other@lafabrique.example", "instance-b", TTL)).as("another name").isTrue();
            assertThat(leases.holder(MAILBOX)).map(LeaseRow::owner).contains("instance-a");

            advance(Duration.ofSeconds(20));
            assertThat(leases.acquire(MAILBOX, "instance-a", TTL)).as("renewed by its owner").isTrue();
            assertThat(leases.holder(MAILBOX)).map(LeaseRow::expiresAt).contains(now.get().plus(TTL).toEpochMilli());
            advance(Duration.ofSeconds(20));
            assertThat(leases.acquire(MAILBOX, "instance-b", TTL)).as("40 s after taking it, 20 s after renewing").isFalse();

            advance(Duration.ofSeconds(10));
            assertThat(leases.acquire(MAILBOX, "instance-b", TTL)).as("expired: instance-a stopped renewing").isTrue();
            assertThat(leases.acquire(MAILBOX, "instance-a", TTL)).isFalse();
            assertThat(leases.holder(MAILBOX)).map(LeaseRow::owner).contains("instance-b");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void onlyTheOwnerReleasesALease(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            Leases leases = new Leases(database.jdbi(), clock);
            assertThat(leases.acquire(MAILBOX, "instance-a", TTL)).isTrue();

            leases.release(MAILBOX, "instance-b");
            assertThat(leases.acquire(MAILBOX, "instance-b", TTL)).isFalse();
            leases.release(MAILBOX, "instance-a");
            assertThat(leases.holder(MAILBOX)).isEmpty();
            assertThat(leases.acquire(MAILBOX, "instance-b", TTL)).as("released, so free at once").isTrue();
            assertThatThrownBy(() -> leases.acquire(MAILBOX, "instance-b", Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Both owners ask at the same moment, for a free lease and then for an expired one: one wins each time. */
    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void twoOwnersCompetingNeverBothHoldIt(Database.Vendor vendor) throws Exception {
        int rounds = 40;
        try (TestDatabase database = TestDatabase.create(vendor)) {
            Leases leases = new Leases(database.jdbi(), clock);
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService owners = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Boolean>>> results = new ArrayList<>();
                for (String owner : List.of("instance-a", "instance-b")) {
                    results.add(owners.submit(() -> {
                        List<Boolean> won = new ArrayList<>();
                        for (int round = 0; round < rounds; round++) {
                            together.await(10, TimeUnit.SECONDS);
                            won.add(leases.acquire("job-" + round / 2, owner, TTL));
                            together.await(10, TimeUnit.SECONDS);
                            if (round % 2 == 0 && owner.equals("instance-a")) {
                                // The next round races for the same lease once it has expired.
                                advance(TTL.plusSeconds(1));
                            }
                        }
                        return won;
                    }));
                }
                List<Boolean> a = results.get(0).get(60, TimeUnit.SECONDS);
                List<Boolean> b = results.get(1).get(60, TimeUnit.SECONDS);
                for (int round = 0; round < rounds; round++) {
                    assertThat(a.get(round) ^ b.get(round)).as("round %d: a=%s b=%s", round, a.get(round), b.get(round)).isTrue();
                }
            } finally {
                owners.shutdownNow();
            }
        }
    }

    private void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
