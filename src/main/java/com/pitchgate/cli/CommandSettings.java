package com.pitchgate.cli;

import com.pitchgate.learn.LearningConfig;
import com.pitchgate.space.SpaceConfig;
import io.dropwizard.db.DataSourceFactory;
import java.util.List;

/**
 * What the commands read of {@code config.yml}. The application's configuration implements it, so
 * that the commands do not depend on the application that registers them.
 */
public interface CommandSettings {

    DataSourceFactory getDatabase();

    List<SpaceConfig> getSpaces();

    LearningConfig getLearning();
}
