package com.pitchgate.web;

import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** The review pages under {@code /ui}: how long a sign-in lasts, and whether its cookie is for https only. */
public class WebConfig {

    /** Set behind https (a TLS-terminating proxy included), so that the session cookie never travels in clear. */
    public boolean secureCookie = false;

    /** A session ends this long after sign-in, used or not. */
    @NotNull
    public Duration sessionTimeout = Duration.hours(12);
}
