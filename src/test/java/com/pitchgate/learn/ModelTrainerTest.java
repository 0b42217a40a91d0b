package com.pitchgate.learn;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ModelTrainerTest {

    @Test
    void openNlpTrainingLogsOnlyWarningsUnlessTheConfigurationSaysOtherwise() {
        Logger openNlp = (Logger) LoggerFactory.getLogger(ModelTrainer.OPENNLP_LOGGER);
        Level before = openNlp.getLevel();
        try {
            openNlp.setLevel(null);
            new ModelTrainer(new LearningConfig(), new PitchFeatures());
            assertThat(openNlp.getLevel()).isEqualTo(Level.WARN);

            openNlp.setLevel(Level.INFO);
            new ModelTrainer(new LearningConfig(), new PitchFeatures());
            assertThat(openNlp.getLevel()).isEqualTo(Level.INFO);
        } finally {
            openNlp.setLevel(before);
        }
    }
}
