package com.pitchgate.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.ExtractionConfig;
import com.pitchgate.extract.MailExtractor;
import com.pitchgate.extract.TikaTextExtractor;
import com.pitchgate.support.Json;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class WarmUpTest {

    static final DropwizardAppExtension<PitchgateConfiguration> APP = TestApp.extension(
            ConfigOverride.config("intake.warmUpMessages", "40"));

    @Test
    void theWarmUpScreensItsMessagesWithoutStoringAnything() {
        long stored = 0;
        for (String queue : new String[] {"forward", "requires_intro", "auto_decline"}) {
            stored += Json.body(TestApp.api(APP, "/api/queues/" + queue).request().get()).path("total").asLong();
        }
        assertThat(stored).isZero();
        assertThat(APP.getEnvironment().metrics().counter("com.pitchgate.screen.WarmUp.messages").getCount()).isEqualTo(40);
    }

    @Test
    void itsMessagesAreReadAsPlainTextAndAsHtml() {
        MailExtractor extractor = new MailExtractor(new TikaTextExtractor(10_000, 1), new ExtractionConfig());
        String text = "Bonjour, nous cherchons un bureau / pour trois mois & plus";

        ExtractedPitch plain = extractor.extract(WarmUp.message(0, text).getBytes(StandardCharsets.UTF_8));
        ExtractedPitch html = extractor.extract(WarmUp.message(1, text).getBytes(StandardCharsets.UTF_8));

        assertThat(plain.body()).contains("nous cherchons un bureau").contains("pour trois mois & plus");
        assertThat(html.body()).contains("nous cherchons un bureau").contains("pour trois mois & plus");
        assertThat(plain.problems()).isEmpty();
        assertThat(html.problems()).isEmpty();
    }
}
