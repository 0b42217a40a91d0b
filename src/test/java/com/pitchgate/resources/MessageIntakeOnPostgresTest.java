package com.pitchgate.resources;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.store.Database;
import com.pitchgate.support.RequiresPostgres;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MessageIntakeTest} on a PostgreSQL database of its own; skipped without a PostgreSQL test server. */
@RequiresPostgres
@ExtendWith(DropwizardExtensionsSupport.class)
class MessageIntakeOnPostgresTest extends MessageIntakeTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(Database.Vendor.POSTGRESQL);

    @Override
    protected DropwizardAppExtension<PitchgateConfiguration> app() {
        return APP;
    }
}
