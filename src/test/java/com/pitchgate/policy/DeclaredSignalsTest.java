package com.pitchgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.screen.ScreeningStages;
import com.pitchgate.spi.Signal;
import com.pitchgate.support.ConfigFiles;
import io.dropwizard.jackson.Jackson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signals are declared by their policies, as Rspamd's symbols are: a weight for an unknown name stops start-up. */
class DeclaredSignalsTest {

    @Test
    void aWeightForASignalNoPolicyDeclaresStopsStartUp() throws Exception {
        PitchgateConfiguration config = shippedConfig();
        config.getRouting().setWeights(Map.of("merge_feild_leftover", -8.0));

        assertThatThrownBy(() -> ScreeningStages.build(config, Jackson.newObjectMapper(), new SpaceModels()).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("routing.weights names a signal no policy declares: [merge_feild_leftover]")
                .hasMessageContaining("merge_field_leftover");
    }

    @Test
    void aConfiguredWeightReplacesTheDeclaredOneAndEveryBuiltInSignalIsDeclared() throws Exception {
        PitchgateConfiguration config = shippedConfig();
        config.getRouting().setWeights(Map.of("merge_field_leftover", -8.0, "crypto_offer", -5.0));

        try (ScreeningStages stages = ScreeningStages.build(config, Jackson.newObjectMapper(), new SpaceModels())) {
            Map<String, Signal> declared = stages.chains().forSpace("la-fabrique").declaredSignals();
            assertThat(declared.get("merge_field_leftover").weight()).isEqualTo(-8.0);
            assertThat(declared.get("crypto_offer").weight()).as("a rule's signal").isEqualTo(-5.0);
            assertThat(declared.get("genuine_inquiry").weight()).isEqualTo(6.0);
            assertThat(declared.get("genuine_inquiry").detail()).isNotBlank();
            assertThat(declared).containsKeys("not_a_pitch", "thread_reply", "list_discussion", "answers_need", "not_wanted",
                    "no_fit", "domain_fit", "promotional_bulk", "follow_up_bump", "vendor_offer", "learned_queue");
        }
    }

    private static PitchgateConfiguration shippedConfig() throws Exception {
        return ConfigFiles.load("config.yml");
    }
}
