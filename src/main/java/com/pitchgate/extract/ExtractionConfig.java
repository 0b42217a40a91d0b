package com.pitchgate.extract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** Limits that keep text extraction bounded whatever a stranger sends. */
public class ExtractionConfig {

    /** Attachments larger than this are listed but not parsed. */
    @NotNull
    private DataSize maxAttachmentSize = DataSize.mebibytes(10);

    /** Text kept per body or attachment; the rest is cut. */
    @Min(1_000)
    private int maxTextChars = 200_000;

    /** At most this many attachments are parsed per pitch. */
    @Min(0)
    @Max(1_000)
    private int maxAttachments = 20;

    /** How deep MIME parts and forwarded messages are followed. */
    @Min(1)
    @Max(50)
    private int maxDepth = 8;

    /** Time budget for extracting all text of one pitch; what is not read by then is skipped. */
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration timeout = Duration.seconds(10);

    @JsonProperty
    public DataSize getMaxAttachmentSize() {
        return maxAttachmentSize;
    }

    @JsonProperty
    public void setMaxAttachmentSize(DataSize maxAttachmentSize) {
        this.maxAttachmentSize = maxAttachmentSize;
    }

    @JsonProperty
    public int getMaxTextChars() {
        return maxTextChars;
    }

    @JsonProperty
    public void setMaxTextChars(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    @JsonProperty
    public int getMaxAttachments() {
        return maxAttachments;
    }

    @JsonProperty
    public void setMaxAttachments(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    @JsonProperty
    public int getMaxDepth() {
        return maxDepth;
    }

    @JsonProperty
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @JsonProperty
    public Duration getTimeout() {
        return timeout;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
