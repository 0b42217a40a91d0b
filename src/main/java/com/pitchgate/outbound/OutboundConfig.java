package com.pitchgate.outbound;

import com.pitchgate.mail.MailServerConfig;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Mail Pitchgate sends: forwards to the people a pitch is for, and optional replies to senders. */
public class OutboundConfig {

    /** Nothing is sent while this is false; decisions are made all the same. */
    public boolean enabled = false;

    /** The SMTP relay everything is sent through. */
    @Valid
    @NotNull
    public MailServerConfig relay = new MailServerConfig();

    /** Forward pitches routed to {@code forward} to their targets by e-mail. */
    public boolean forward = true;

    /** Reply to {@code requires_intro} pitches, explaining how to come through a mutual contact. */
    public boolean replyRequiresIntro = true;

    /** Reply to {@code auto_decline} pitches with a short, polite no. */
    public boolean replyAutoDecline = false;

    /** Reply to web-form pitches too: their address is typed by anyone, so off by default (no backscatter). */
    public boolean replyToForms = false;

    /** At most one reply per sender within this time. */
    @NotNull
    public Duration replyCoolDown = Duration.days(30);

    /** Waiting time after a first failed attempt; it doubles after each failure, up to {@code maxRetryDelay}. */
    @NotNull
    public Duration retryDelay = Duration.seconds(30);

    @NotNull
    public Duration maxRetryDelay = Duration.hours(1);

    /** Attempts before a message is marked failed (and shown on the health check). */
    @Min(1)
    public int maxAttempts = 12;

    /** How often the outbox is looked at. */
    @NotNull
    public Duration pollInterval = Duration.seconds(1);
}
