package com.pitchgate.cli;

import io.dropwizard.core.cli.Cli;

/**
 * A command that ran but must end in failure, with the exit status to end with and a message that
 * says it all (no stack trace).
 */
public final class CommandFailure extends RuntimeException {

    /** An error: bad arguments, bad data, nothing to do. */
    public static final int ERROR = 1;
    /** The command worked, and what it measured is worse than the bound it was given. */
    public static final int BOUND_BROKEN = 2;

    private final int exitStatus;

    public CommandFailure(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }

    /** A command failure is told in one line; anything else with its stack trace, as Dropwizard does. */
    static void report(Cli cli, Throwable e, Runnable otherwise) {
        if (e instanceof CommandFailure failure) {
            cli.getStdErr().println(failure.getMessage());
            cli.getStdErr().flush();
        } else {
            otherwise.run();
        }
    }
}
