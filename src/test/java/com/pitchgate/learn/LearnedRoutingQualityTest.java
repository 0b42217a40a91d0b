package com.pitchgate.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.evaluate.LabeledExample;
import com.pitchgate.support.Commands;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.LabeledPitches;
import com.pitchgate.support.TestApp;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole loop, as it happens on a server: pitches come in and are decided by the rules, a
 * manager corrects the wrong ones, the {@code train} command trains on the store, and the
 * {@code evaluate} command measures held-out pitches before and after.
 */
class LearnedRoutingQualityTest {

    private static final Pattern ACCURACY = Pattern.compile("accuracy (\\d\\.\\d{3}) \\((\\d+) of (\\d+)\\)");

    @Test
    void trainingOnAManagersCorrectionsDoesNotWorsenHeldOutAccuracy() throws Exception {
        String database = TestApp.newDatabaseUrl();
        Path config = ConfigFiles.testConfig(c -> {
            c.with("database").put("url", database);
            c.with("learning").put("minExamples", 20).put("minPerQueue", 4).put("retrainAfterOverrides", 1000);
        });
        List<LabeledExample> training = LabeledPitches.read("train");
        int corrected = managerCorrects(config, database, training);
        String heldOut = LabeledPitches.folder("heldout").toString();

        Commands.Run untrained = Commands.run("evaluate", config.toString(), heldOut);
        Commands.Run train = Commands.run("train", config.toString());
        Commands.Run trained = Commands.run("evaluate", config.toString(), heldOut);

        assertThat(untrained.exitStatus()).as(untrained.toString()).isZero();
        assertThat(untrained.out()).contains("learned model: none");
        assertThat(train.exitStatus()).as(train.toString()).isZero();
        assertThat(train.out()).as(train.out()).containsPattern("la-fabrique: " + training.size()
                + " examples \\(forward \\d+, requires_intro \\d+, auto_decline \\d+\\), " + corrected
                + " overridden; held-out accuracy \\d\\.\\d\\d over 5 folds").contains("model stored");
        assertThat(trained.exitStatus()).as(trained.toString()).isZero();
        assertThat(trained.out()).contains("learned model: trained");
        double before = accuracy(untrained.out());
        double after = accuracy(trained.out());
        System.out.printf("held-out accuracy on %s: rules alone %.3f, with the learned signal %.3f (trained on %d pitches,"
                + " %d corrected by the manager)%n", heldOut, before, after, training.size(), corrected);
        System.out.println(train.out() + trained.out());
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(trained.out()).contains("genuine inquiries sent to auto_decline: 0.000");
    }

    /** Posts each training pitch, and overrides each decision that differs from the label. */
    private static int managerCorrects(Path config, String database, List<LabeledExample> training) throws Exception {
        DropwizardTestSupport<PitchgateConfiguration> app = ConfigFiles.start(config, database);
        Client client = ClientBuilder.newClient();
        int corrected = 0;
        try {
            for (LabeledExample example : training) {
                JsonNode decision = LabeledPitches.post(client, app.getLocalPort(), example);
                assertThat(decision.path("state").asText()).as(example.file() + ": " + decision).isEqualTo("decided");
                if (!decision.path("queue").asText().equals(example.expected().id())) {
                    LabeledPitches.override(client, app.getLocalPort(), decision.path("id").asLong(), example.expected().id());
                    corrected++;
                }
            }
        } finally {
            client.close();
            app.after();
        }
        return corrected;
    }

    private static double accuracy(String report) {
        Matcher matcher = ACCURACY.matcher(report);
        assertThat(matcher.find()).as(report).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
