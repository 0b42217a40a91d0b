package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class RehearsalWithKeysTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(
            ConfigOverride.config("auth.enabled", "true"), ConfigOverride.config("intake.warmUpMessages", "10"));

    @Test
    void theRequestsCarryAKeyOfTheScratchStoreWhichTheRealOneNeverHolds() throws Exception {
        assertThat(APP.getEnvironment().metrics().counter("com.pitchgate.Rehearsal.answered").getCount()).isEqualTo(10);
        assertThat(RehearsalTest.count(APP, "SELECT count(*) FROM api_keys")).isZero();
        assertThat(TestApp.postMessage(APP, RehearsalMessages.email(0, "Bonjour, un bureau ?")).getStatus()).isEqualTo(401);
    }
}
