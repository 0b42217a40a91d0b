package com.pitchgate.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.analyze.Analyzer;
import com.pitchgate.crm.CrmEntries;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.outbound.ReplyFacts;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.Pitches;
import com.pitchgate.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 24: what a reply needs of a pitch is stored when it is decided, so that a reply asked for
 * later does not read the message again; a pitch decided before they were stored (V12) gets the same
 * facts from its columns and reasons.
 */
class ReplyFactsTest {

    private static final String SPACE = "la-fabrique";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** A reply in a thread, from a list: the facts carry the thread and the headers the guards weigh. */
    private static final String LISTED = "From: \"Anna Brun\" <anna@brightlabs.example>\r\nTo: hello@lafabrique.example\r\n"
            + "Subject: =?UTF-8?Q?Bureau_priv=C3=A9?=\r\nMessage-ID: <listed-1@brightlabs.example>\r\n"
            + "References: <older-1@lafabrique.example>\r\nPrecedence: list\r\n"
            + "Authentication-Results: mx.example; spf=pass; dkim=pass\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Bonjour, nous cherchons un bureau privé pour trois personnes. Quel est le tarif ?\r\n";
    /** No usable From: the sender is read from Return-Path, and is in doubt. */
    private static final String DOUBTFUL = "From: Someone\r\nReturn-Path: <bounce@mailer.example>\r\nSubject: Offer\r\n"
            + "Message-ID: <doubtful-1@mailer.example>\r\n\r\nWe sell printers to offices like yours.\r\n";

    private static TikaTextExtractor tika;
    private static MailExtractor extractor;
    private static Analyzer analyzer;

    @BeforeAll
    static void setUp() {
        tika = new TikaTextExtractor(10_000, 1);
        extractor = new MailExtractor(tika, new ExtractionConfig());
        analyzer = new Analyzer();
    }

    @AfterAll
    static void tearDown() {
        tika.close();
    }

    @ParameterizedTest
    @EnumSource(Database.Vendor.class)
    void theFactsAReplyNeedsAreStoredAndOlderPitchesGetTheSameFromWhatWasStored(Database.Vendor vendor) throws Exception {
        try (TestDatabase database = TestDatabase.create(vendor)) {
            PitchStore store = new PitchStore(database.jdbi());
            List<Long> ids = new ArrayList<>();
            for (String raw : List.of(LISTED, DOUBTFUL)) {
                Decided decided = decide(store, raw.getBytes(StandardCharsets.UTF_8));
                ReplyFacts expected = ReplyFacts.of(decided.extracted(), decided.pitch());
                assertThat(store.replyFacts(decided.id())).contains(expected);

                database.jdbi().useHandle(handle -> handle.execute(
                        "UPDATE pitch_content SET reply_facts = NULL WHERE pitch_id = ?", decided.id()));
                assertThat(store.replyFacts(decided.id())).as("a pitch decided before V12").contains(expected);
                ids.add(decided.id());
            }
            ReplyFacts listed = store.replyFacts(ids.get(0)).orElseThrow();
            assertThat(listed.messageId()).contains("<listed-1@brightlabs.example>");
            assertThat(listed.references()).contains("<older-1@lafabrique.example>");
            assertThat(listed.subject()).isEqualTo("Bureau privé");
            assertThat(listed.guardHeaders()).containsOnlyKeys("precedence", "authentication-results");
            assertThat(listed.senderDoubt()).isEmpty();
            ReplyFacts doubtful = store.replyFacts(ids.get(1)).orElseThrow();
            assertThat(doubtful.sender().email()).isEqualTo("bounce@mailer.example");
            assertThat(doubtful.senderDoubt()).hasValueSatisfying(detail -> assertThat(detail).contains("Return-Path"));
        }
    }

    /** Stores, reads and decides one message as the server does, with the reasons its odd headers leave. */
    private static Decided decide(PitchStore store, byte[] raw) {
        ExtractedPitch extracted = extractor.extract(raw);
        long id = store.storeRaw(SPACE, IntakeService.EMAIL, raw, IntakeService.sha256(raw), extracted.messageId(), T0).id();
        StoredPitch claimed = store.claim(id, T0, Duration.ofMinutes(1)).orElseThrow();
        Pitch pitch = analyzer.analyze(id, extracted, Pitches.space(List.of(), List.of()));
        List<Reason> reasons = new ArrayList<>();
        extracted.oddHeaders().forEach(odd -> reasons.add(new Reason("extract", odd.signal(), 0, odd.detail(), false)));
        reasons.add(new Reason("router", "score", -3, "score -3", true));
        Decision decision = new Decision(Queue.AUTO_DECLINE, List.of(), -3, pitch.fit(), reasons);
        assertThat(store.saveScreened(new ScreenedPitch(id, claimed.attempts(), SPACE, extracted, pitch, decision,
                CrmEntries.NONE, List.of(), T0))).isTrue();
        return new Decided(id, extracted, pitch);
    }

    private record Decided(long id, ExtractedPitch extracted, Pitch pitch) {
    }
}
