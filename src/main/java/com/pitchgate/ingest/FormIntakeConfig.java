package com.pitchgate.ingest;

import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The public web-form intake ({@code POST /form/{space}}): what keeps robots and floods out. */
public class FormIntakeConfig {

    /** A form field real visitors never see nor fill; a submission that fills it is dropped. */
    @NotBlank
    public String honeypotField = "website";

    /** Submissions allowed per client address within {@code rateWindow}. */
    @Min(1)
    public int rateLimit = 5;

    @NotNull
    public Duration rateWindow = Duration.minutes(10);

    /** Largest form accepted; bigger ones get 413. */
    @NotNull
    public DataSize maxSize = DataSize.kibibytes(64);

    /** Take the client address from X-Forwarded-For: only behind a proxy you run. */
    public boolean trustForwardedFor = false;
}
