package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.store.Database;
import com.pitchgate.support.Json;
import com.pitchgate.support.RequiresPostgres;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rehearsal of a server whose store is PostgreSQL: its scratch copy runs on SQLite all the same. */
@RequiresPostgres
@ExtendWith(DropwizardExtensionsSupport.class)
class RehearsalOnPostgresTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(Database.Vendor.POSTGRESQL,
            ConfigOverride.config("intake.warmUpMessages", "10"));

    @Test
    void everyMessageIsAnsweredAndNoneReachesThePostgresStore() {
        assertThat(APP.getEnvironment().metrics().counter("com.pitchgate.Rehearsal.answered").getCount()).isEqualTo(10);
        long stored = 0;
        for (String queue : new String[] {"forward", "requires_intro", "auto_decline"}) {
            stored += Json.body(TestApp.api(APP, "/api/queues/" + queue).request().get()).path("total").asLong();
        }
        assertThat(stored).isZero();
    }
}
