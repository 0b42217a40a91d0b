package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.KnownContacts;
import com.pitchgate.crm.CrmEntries;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.NewDecline;
import com.pitchgate.crm.OverrideService;
import com.pitchgate.crm.Timeline;
import com.pitchgate.crm.Timelines;
import com.pitchgate.extract.ExtractedAttachment;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.outbound.OutboundMessage;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.PitchStore.PitchRecord;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.support.Pitches;
import com.pitchgate.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pitch store on each database it runs on, each test on a new database: raw intake and
 * duplicates, claims and their leases, batch claims by competing processors, and what is read back.
 */
class PitchStoreTest {

    private static final String SPACE = "la-fabrique";
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aPitchIsStoredOnceBySameMessageIdOrWithoutOneBySameContent(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            byte[] binary = {0, 1, (byte) 0xff, (byte) 0xfe, '\r', '\n', 0};

            StoreReceipt first = store.storeRaw(SPACE, "email", binary, "hash-1", Optional.of("<a@x>"), T0);
            StoreReceipt sameMessageId = store.storeRaw(SPACE, "email", bytes("other"), "hash-2", Optional.of("<a@x>"), T0);
            StoreReceipt noIdOne = store.storeRaw(SPACE, "form", bytes("one"), "hash-3", Optional.empty(), T0);
            StoreReceipt sameContent = store.storeRaw(SPACE, "form", bytes("one"), "hash-3", Optional.empty(), T0);
            StoreReceipt noIdTwo = store.storeRaw(SPACE, "form", bytes("two"), "hash-4", Optional.empty(), T0);
            StoreReceipt otherSpace = store.storeRaw("elsewhere", "email", binary, "hash-1", Optional.of("<a@x>"), T0);
            // The same bytes hold the same Message-ID: a pitch with one is told apart by it alone.
            StoreReceipt otherMessageId = store.storeRaw(SPACE, "email", binary, "hash-1", Optional.of("<b@x>"), T0);

            assertThat(first.duplicate()).isFalse();
            assertThat(sameMessageId).isEqualTo(new StoreReceipt(first.id(), true, "received"));
            assertThat(sameContent).isEqualTo(new StoreReceipt(noIdOne.id(), true, "received"));
            assertThat(List.of(noIdOne.duplicate(), noIdTwo.duplicate(), otherSpace.duplicate(), otherMessageId.duplicate()))
                    .containsOnly(false);
            assertThat(Set.of(first.id(), noIdOne.id(), noIdTwo.id(), otherSpace.id(), otherMessageId.id())).hasSize(5);
            StoredPitch stored = store.find(first.id()).orElseThrow();
            assertThat(stored.raw()).isEqualTo(binary);
            assertThat(stored.messageId()).isEqualTo("<a@x>");
            assertThat(stored.receivedAt()).isEqualTo(T0.toEpochMilli());
            assertThat(store.countUndecided()).isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aClaimHoldsThePitchUntilItsLeaseRunsOutAndALostClaimWritesNothing(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            long id = storeOne(store, 1);

            StoredPitch slow = store.claim(id, T0, LEASE).orElseThrow();
            assertThat(slow.attempts()).isEqualTo(1);
            assertThat(slow.state()).isEqualTo("processing");
            assertThat(store.claim(id, T0.plusSeconds(59), LEASE)).as("held by the first claim").isEmpty();
            StoredPitch takeover = store.claim(id, T0.plusSeconds(61), LEASE).orElseThrow();
            assertThat(takeover.attempts()).isEqualTo(2);

            assertThat(store.saveScreened(screened(slow, "slow@example.org"))).isFalse();
            assertThat(store.record(id).orElseThrow().decision()).as("the lost claim wrote nothing").isEmpty();
            assertThat(store.saveScreened(screened(takeover, "takeover@example.org"))).isTrue();
            assertThat(store.saveScreened(screened(slow, "slow@example.org"))).isFalse();

            PitchRecord record = store.record(id).orElseThrow();
            assertThat(record.stored().state()).isEqualTo("decided");
            assertThat(record.content().orElseThrow().senderEmail()).isEqualTo("takeover@example.org");
            assertThat(store.claim(id, T0.plus(Duration.ofDays(1)), LEASE)).as("decided").isEmpty();
            assertThat(store.countUndecided()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void onlyTheClaimThatHoldsAPitchGivesItBack(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            long id = storeOne(store, 1);
            StoredPitch expired = store.claim(id, T0, LEASE).orElseThrow();
            StoredPitch current = store.claim(id, T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

            store.release(id, expired.attempts(), "too late");
            assertThat(store.find(id).orElseThrow().state()).isEqualTo("processing");
            store.release(id, current.attempts(), "failed");
            assertThat(store.find(id).orElseThrow().state()).isEqualTo("received");
            assertThat(store.claim(id, T0.plus(LEASE).plusSeconds(2), LEASE).orElseThrow().attempts()).isEqualTo(3);

            long untouched = storeOne(store, 2);
            ClaimedPitch claimed = store.claimUndecided(T0, LEASE, id, 10).get(0);
            assertThat(claimed.id()).isEqualTo(untouched);
            store.unclaim(untouched, claimed.attempts());
            StoredPitch given = store.find(untouched).orElseThrow();
            assertThat(given.state()).isEqualTo("received");
            assertThat(given.attempts()).as("a claim given back unworked is no attempt").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void batchesAreClaimedInIdOrderPassingOverHeldAndDecidedPitches(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                ids.add(storeOne(store, i));
            }
            long decided = ids.get(2);
            long held = ids.get(4);
            long abandoned = ids.get(6);
            assertThat(store.saveScreened(screened(store.claim(decided, T0, LEASE).orElseThrow(), "d@example.org"))).isTrue();
            store.claim(held, T0, Duration.ofHours(1)).orElseThrow();
            store.claim(abandoned, T0.minus(Duration.ofHours(2)), Duration.ofHours(1)).orElseThrow();

            List<ClaimedPitch> first = store.claimUndecided(T0, LEASE, 0, 10);
            List<ClaimedPitch> second = store.claimUndecided(T0, LEASE, first.get(first.size() - 1).id(), 10);
            List<ClaimedPitch> third = store.claimUndecided(T0, LEASE, second.get(second.size() - 1).id(), 10);

            List<Long> expected = new ArrayList<>(ids);
            expected.removeAll(List.of(decided, held));
            assertThat(first).extracting(ClaimedPitch::id).containsExactlyElementsOf(expected.subList(0, 10));
            assertThat(second).extracting(ClaimedPitch::id).containsExactlyElementsOf(expected.subList(10, 20));
            assertThat(third).extracting(ClaimedPitch::id).containsExactlyElementsOf(expected.subList(20, 23));
            assertThat(first).allSatisfy(claim -> assertThat(store.readClaimed(claim)).as("read while claimed")
                    .hasValueSatisfying(stored -> assertThat(stored.raw()).hasSize((int) claim.rawBytes())));
            assertThat(first).filteredOn(p -> p.id() == abandoned).extracting(ClaimedPitch::attempts).containsExactly(2);
            assertThat(store.claimUndecided(T0, LEASE, 0, 10)).as("all held now").isEmpty();
            assertThat(store.claimUndecided(T0.plus(LEASE).plusSeconds(1), LEASE, 0, 100))
                    .as("after the lease, all but the decided one and the one held for an hour")
                    .hasSize(23);
            assertThat(store.readClaimed(first.get(0))).as("an earlier claim, taken over once its lease ran out").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void competingProcessorsNeverClaimTheSamePitch(Database.Vendor vendor) throws Exception {
        int pitches = 150;
        int processors = 4;
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            for (int i = 0; i < pitches; i++) {
                storeOne(store, i);
            }
            CyclicBarrier start = new CyclicBarrier(processors);
            ExecutorService pool = Executors.newFixedThreadPool(processors);
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int p = 0; p < processors; p++) {
                claims.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    start.await(10, TimeUnit.SECONDS);
                    for (int round = 0; round < pitches; round++) {
                        List<ClaimedPitch> batch = store.claimUndecided(T0, LEASE, 0, 5);
                        if (batch.isEmpty()) {
                            break;
                        }
                        batch.forEach(claimed -> mine.add(claimed.id()));
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                all.addAll(claim.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(all).hasSize(pitches).doesNotHaveDuplicates();
            long claimedTwice = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pitches WHERE attempts <> 1").mapTo(Long.class).one());
            assertThat(claimedTwice).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aDecisionReadsBackAsWritten(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            long id = storeOne(store, 1);
            StoredPitch claimed = store.claim(id, T0, LEASE).orElseThrow();
            List<Reason> reasons = List.of(new Reason("inquiry", "genuine_inquiry", 6.0, "asks for \"un bureau\" — tarif ?", false),
                    new Reason("router", "score", 6.25, "score 6.25 ≥ 3.0", true));
            ExtractedAttachment attachment = new ExtractedAttachment("brochure.pdf", "application/pdf", 12_345_678_901L,
                    "Ledgerly", Optional.of("truncated"));
            assertThat(store.saveScreened(screened(claimed, "anna@brightlabs.example", reasons, List.of(attachment),
                    List.of(new NewDecline("sender", "anna@brightlabs.example", T0, T0.plus(Duration.ofDays(180)))), List.of(), T0)))
                    .isTrue();

            PitchRecord record = store.record(id).orElseThrow();
            assertThat(record.reasons()).containsExactly(
                    new ReasonRow(id, 0, "inquiry", "genuine_inquiry", 6.0, "asks for \"un bureau\" — tarif ?", false),
                    new ReasonRow(id, 1, "router", "score", 6.25, "score 6.25 ≥ 3.0", true));
            assertThat(record.attachments()).containsExactly(
                    new AttachmentRow(id, 0, "brochure.pdf", "application/pdf", 12_345_678_901L, "Ledgerly", "truncated"));
            DecisionRow decision = record.decision().orElseThrow();
            assertThat(decision.queue()).isEqualTo("forward");
            assertThat(decision.score()).isEqualTo(6.25);
            assertThat(JsonColumns.read(decision.targets(), List.class)).isEqualTo(List.of("manager"));
            assertThat(decision.decidedAt()).isEqualTo(T0.toEpochMilli());
            PitchStore.QueuePage queue = store.queue(SPACE, "forward", Optional.empty(), 10, 0);
            assertThat(queue.total()).isEqualTo(1);
            assertThat(queue.rows()).extracting(QueueRow::pitchId).containsExactly(id);

            Optional<DeclineRow> no = database.jdbi().withExtension(CrmDao.class,
                    dao -> dao.standingDecline(SPACE, "anna@brightlabs.example", null, T0.plusSeconds(1).toEpochMilli()));
            assertThat(no).map(DeclineRow::pitchId).contains(id);
            Optional<DeclineRow> expired = database.jdbi().withExtension(CrmDao.class, dao -> dao.standingDecline(SPACE,
                    "anna@brightlabs.example", null, T0.plus(Duration.ofDays(181)).toEpochMilli()));
            assertThat(expired).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aKnownContactStaysKnownWhenTheyWriteAgain(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            Jdbi jdbi = database.jdbi();
            store.seedKnownContact(SPACE, "paul@girard-conseil.example", "Paul Girard", "Girard Conseil", T0);
            StoredPitch fromPaul = store.claim(storeOne(store, 1), T0, LEASE).orElseThrow();
            StoredPitch fromStranger = store.claim(storeOne(store, 2), T0, LEASE).orElseThrow();
            store.saveScreened(screened(fromPaul, "paul@girard-conseil.example"));
            store.saveScreened(screened(fromStranger, "stranger@example.org"));

            ContactRow paul = jdbi.withExtension(CrmDao.class, dao -> dao.contact(SPACE, "paul@girard-conseil.example")).orElseThrow();
            assertThat(paul.known()).isTrue();
            assertThat(paul.name()).as("a pitch without a name keeps the one known").isEqualTo("Paul Girard");
            assertThat(paul.lastSeen()).isEqualTo(T0.plusSeconds(5).toEpochMilli());
            Optional<ContactRow> stranger = jdbi.withExtension(CrmDao.class, dao -> dao.contact(SPACE, "stranger@example.org"));
            assertThat(stranger).map(ContactRow::known).contains(false);
            assertThat(new CrmReader(database.dataSource()).knownContacts(SPACE).all()).extracting(KnownContacts.Contact::email)
                    .containsExactly("paul@girard-conseil.example");
        }
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void aContactsTimelineShowsItsPitchesTheirMailOverridesAndNos(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            long id = storeOne(store, 1);
            StoredPitch claimed = store.claim(id, T0, LEASE).orElseThrow();
            String email = "anna@brightlabs.example";
            OutboundMessage forward = new OutboundMessage("forward", List.of("marie@la-fabrique.example"), Optional.empty(),
                    bytes("Subject: Hello"));
            store.saveScreened(screened(claimed, email, List.of(new Reason("router", "score", 4, "score 4", true)), List.of(),
                    List.of(new NewDecline("sender", email, T0, T0.plus(Duration.ofDays(180)))), List.of(forward),
                    T0.plusSeconds(5)));
            // The override goes through crm's Overrides, which the store implements.
            new OverrideService(new StoredOverrides(database.jdbi()), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC),
                    Duration.ofDays(180)).override(id, Queue.REQUIRES_INTRO, "marie", "not for us yet");

            long contactId = database.jdbi().withExtension(CrmDao.class, dao -> dao.contact(SPACE, email)).orElseThrow().id();
            Timelines.Rows rows = new StoredTimelines(database.jdbi()).ofContact(SPACE, contactId);
            OutboxRow queued = database.jdbi().withExtension(OutboxDao.class, dao -> dao.forPitch(id)).get(0);
            assertThat(rows.messages()).containsOnlyKeys(id);
            assertThat(rows.messages().get(id)).containsExactly(new Timelines.Mail(queued.kind(), queued.state(),
                    queued.recipients(), queued.createdAt(), queued.sentAt()));
            assertThat(rows.overrides().get(id)).extracting(o -> o.fromQueue() + ">" + o.toQueue()).containsExactly(
                    "forward>requires_intro");

            List<Timeline.Event> events = Timeline.of(rows);
            assertThat(events).extracting(Timeline.Event::kind).containsExactlyInAnyOrder("pitch", "decision", "forward",
                    "override", "declined");
            assertThat(events).filteredOn(e -> e.kind().equals("forward")).singleElement().satisfies(e -> {
                assertThat(e.pitchId()).isEqualTo(id);
                assertThat(e.detail()).isEqualTo("pending to [\"marie@la-fabrique.example\"]");
                assertThat(e.at()).isEqualTo(T0.plusSeconds(5));
            });
            assertThat(events).filteredOn(e -> e.kind().equals("override")).singleElement()
                    .extracting(Timeline.Event::detail).isEqualTo("forward → requires_intro by marie: not for us yet");
        }
    }

    private static long storeOne(PitchStore store, int n) {
        return store.storeRaw(SPACE, "form", bytes("pitch " + n), "hash-" + n, Optional.empty(), T0).id();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ScreenedPitch screened(StoredPitch claimed, String email) {
        return screened(claimed, email, List.of(new Reason("router", "score", 0, "score 0", true)), List.of(), List.of(),
                List.of(), T0.plusSeconds(5));
    }

    private static ScreenedPitch screened(StoredPitch claimed, String email, List<Reason> reasons,
            List<ExtractedAttachment> attachments, List<NewDecline> declines, List<OutboundMessage> outbound, Instant decidedAt) {
        Pitch pitch = Pitches.pitch(email, "Hello");
        ExtractedPitch extracted = new ExtractedPitch("form", pitch.sender(), Optional.empty(), Optional.empty(), "Hi",
                Optional.empty(), "Hello", attachments, Map.of(), Set.of(), List.of());
        Decision decision = new Decision(Queue.FORWARD, List.of("manager"), reasons.get(reasons.size() - 1).weight(),
                Pitch.Fit.NONE, reasons);
        // What crm.CrmRecorder keeps of such a pitch: its sender as a contact who wrote, and the "no"s given.
        CrmEntries crm = new CrmEntries(Optional.of(new CrmEntries.Contact(email, "", pitch.organisation().orElse(null))),
                Optional.empty(), declines);
        return new ScreenedPitch(claimed.id(), claimed.attempts(), SPACE, extracted, pitch, decision, crm, outbound,
                decidedAt);
    }
}
