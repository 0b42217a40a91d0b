package com.pitchgate.support;

import com.pitchgate.PitchgateApplication;
import com.pitchgate.PitchgateConfiguration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a command of the application (train, evaluate) the way {@code java -jar pitchgate.jar ...}
 * does, through Dropwizard's command line, and keeps what it printed and how it ended.
 */
public final class Commands {

    private Commands() {
    }

    /**
     * What a command did.
     *
     * @param exitStatus what the process would end with: 0, or the status of the failure
     */
    public record Run(int exitStatus, Optional<Throwable> failure, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitStatus + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Run run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream commandOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PitchgateApplication application = new PitchgateApplication() {
            @Override
            protected PrintStream commandOutput() {
                return commandOut;
            }
        };
        Bootstrap<PitchgateConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        Optional<Throwable> failure = new Cli(new JarLocation(Commands.class), bootstrap, out, err).run(arguments);
        return new Run(failure.map(PitchgateApplication::exitStatus).orElse(0), failure,
                out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
