package com.pitchgate.resources;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link MessageIntakeTest} on the embedded SQLite store. */
@ExtendWith(DropwizardExtensionsSupport.class)
class MessageIntakeOnSqliteTest extends MessageIntakeTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension();

    @Override
    protected DropwizardAppExtension<PitchgateConfiguration> app() {
        return APP;
    }
}
