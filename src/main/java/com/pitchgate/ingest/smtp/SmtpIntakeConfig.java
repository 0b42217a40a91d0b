package com.pitchgate.ingest.smtp;

import io.dropwizard.util.DataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * An SMTP listener an MTA can hand pitches to. It accepts mail only for the spaces' configured
 * {@code addresses}.
 */
public class SmtpIntakeConfig {

    public boolean enabled = false;

    /** Where to listen; loopback by default, so only a local MTA can deliver. */
    @NotBlank
    public String bindAddress = "127.0.0.1";

    /**
     * 0 picks a free port (for tests). Not 2525, 1025 nor 8025: local mail sinks and test relays
     * (smtp4dev, Mailpit, MailHog, aiosmtpd) take those, and would receive what an MTA means for us.
     */
    @Min(0)
    @Max(65535)
    public int port = 2625;

    /** The name the listener greets with. */
    @NotBlank
    public String hostName = "pitchgate.localhost";

    /** Larger messages are refused with 552. */
    @NotNull
    public DataSize maxMessageSize = DataSize.mebibytes(25);

    @Min(1)
    public int maxRecipients = 50;

    @Min(1)
    public int maxConnections = 100;
}
