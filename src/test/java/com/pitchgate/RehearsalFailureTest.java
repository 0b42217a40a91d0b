package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestApp;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A rehearsal is only there to make the first answers faster: when it fails, the server starts without it. */
class RehearsalFailureTest {

    @Test
    void aFailedRehearsalIsLoggedAndLeavesNoScratchStoreBehind() throws Exception {
        ValidatorFactory validators = Validators.newValidatorFactory();
        PitchgateConfiguration config = ConfigFiles.load(TestApp.configPath());
        Environment real = new Environment("pitchgate", Jackson.newObjectMapper(), validators, new MetricRegistry(),
                getClass().getClassLoader(), new HealthCheckRegistry(), config);
        List<String> foldersBefore = RehearsalTest.rehearsalFolders();
        Logger logger = (Logger) LoggerFactory.getLogger(Rehearsal.class);
        Level levelBefore = logger.getLevel();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO);
        // The failure's stack trace is expected here: kept out of the build's output.
        logger.setAdditive(false);
        try {
            new Rehearsal(config, real, validators, "default", Clock.systemUTC()).run(10, (scratch, database) -> {
                throw new IllegalStateException("the copy could not be wired");
            });
        } finally {
            logger.detachAppender(log);
            logger.setLevel(levelBefore);
            logger.setAdditive(true);
        }

        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).isEqualTo("rehearsal: failed; the server starts without it");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("the copy could not be wired");
        });
        assertThat(real.metrics().counter("com.pitchgate.Rehearsal.answered").getCount()).isZero();
        assertThat(foldersBefore).containsAll(RehearsalTest.rehearsalFolders());
    }
}
