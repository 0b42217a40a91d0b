package com.pitchgate.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.ScreeningStages;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.DeclineMemory;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.outbound.OutboundConfig;
import com.pitchgate.outbound.OutboundPlanner;
import com.pitchgate.space.SpaceConfig;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.CrmReader;
import com.pitchgate.store.Database;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.support.TestDatabase;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A new pitch whose screening fails is stored all the same, raw and undecided, for recovery: through
 * the real intake, processor and store. Here screening fails because the pitch's space ("gone") is not
 * (or no longer) configured; with one attempt allowed, the last resort fails the same way, and the pitch is
 * still stored.
 */
class NewPitchScreeningTest {

    private static final byte[] MAIL = ("From: Anna <anna@brightlabs.example>\r\nSubject: Office\r\n"
            + "Message-ID: <failing-1@brightlabs.example>\r\n\r\nHello, what are your rates?\r\n").getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aPitchWhoseScreeningFailsIsStoredUndecidedNotLost(int maxAttempts) throws Exception {
        PitchgateConfiguration config = new PitchgateConfiguration();
        config.setSpaces(List.of(new SpaceConfig("la-fabrique", "La Fabrique", List.of("fr", "en"),
                new SpaceConfig.Person("Sophie", "sophie@example.org", null), "A coworking space", List.of("desks"),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null)));
        SpaceDirectory spaces = new SpaceDirectory(config.getSpaces());
        try (TestDatabase database = TestDatabase.create(Database.Vendor.SQLITE);
                ScreeningStages stages = ScreeningStages.build(config, Jackson.newObjectMapper(), new SpaceModels())) {
            PitchStore store = new PitchStore(database.jdbi());
            PitchProcessor processor = new PitchProcessor(store, spaces, stages.screener(),
                    new DeclineMemory(Duration.ofDays(180), false), new OutboundPlanner(new OutboundConfig()),
                    CrmMemory.stored(new CrmReader(database.dataSource())), Clock.systemUTC(), Duration.ofMinutes(5),
                    maxAttempts);
            IntakeService intake = new IntakeService(store, new ObjectMapper(), Clock.systemUTC(), processor);

            StoreReceipt receipt = intake.acceptMessage("gone", MAIL);

            assertThat(receipt.duplicate()).isFalse();
            assertThat(receipt.screened()).isEmpty();
            assertThat(receipt.state()).isEqualTo("received");
            assertThat(store.find(receipt.id()).orElseThrow().raw()).isEqualTo(MAIL);
            String error = database.jdbi().withHandle(h -> h.createQuery("SELECT last_error FROM pitches WHERE id = :id")
                    .bind("id", receipt.id()).mapTo(String.class).one());
            assertThat(error).contains("space 'gone', which is no longer configured");
            assertThat(processor.processReceived(receipt)).as("not screened again at once").isEmpty();

            StoreReceipt resent = intake.acceptMessage("gone", MAIL);
            assertThat(resent).isEqualTo(new StoreReceipt(receipt.id(), true, "received"));
            assertThat(store.countUndecided()).isEqualTo(1);
        }
    }
}
