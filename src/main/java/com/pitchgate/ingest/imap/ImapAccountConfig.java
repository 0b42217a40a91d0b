package com.pitchgate.ingest.imap;

import com.pitchgate.mail.MailServerConfig;
import com.pitchgate.spi.Queue;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A mailbox Pitchgate screens: where it is, which space it screens for, and how to file what it read. */
public class ImapAccountConfig extends MailServerConfig {

    /** How a screened message is filed. */
    public enum Filing {
        /** Moved to its queue's folder. */
        MOVE,
        /** Copied to its queue's folder; the original stays, with a keyword. */
        COPY,
        /** Left where it is, with a keyword naming its queue (e.g. for a shared inbox). */
        FLAG
    }

    /** A stable name for this account: the key its progress is kept under. */
    @NotBlank
    @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
    public String id;

    /** The space these pitches are for; the first configured space when absent. */
    public String space;

    /** The folder to screen. */
    @NotBlank
    public String folder = "INBOX";

    @NotNull
    public Filing filing = Filing.MOVE;

    /** The folder of each queue, by queue name; created when missing. */
    @NotNull
    public Map<String, String> folders = new LinkedHashMap<>(Map.of(
            Queue.FORWARD.id(), "Pitchgate/Forward",
            Queue.REQUIRES_INTRO.id(), "Pitchgate/Intro",
            Queue.AUTO_DECLINE.id(), "Pitchgate/Declined"));

    /** How often to look for new mail (and the longest an IDLE wait lasts). */
    @NotNull
    @MinDuration(value = 50, unit = TimeUnit.MILLISECONDS)
    public Duration pollInterval = Duration.seconds(60);

    /** Wait with IMAP IDLE between polls when the server offers it, so new mail is screened at once. */
    public boolean idle = true;

    /** Messages screened per round; the rest wait for the next one. */
    @Min(1)
    @Max(10_000)
    public int batchSize = 50;

    public ImapAccountConfig() {
        port = 993;
        security = Security.SSL;
    }

    /** The folder for a queue. */
    public String folderFor(Queue queue) {
        return folders.getOrDefault(queue.id(), "Pitchgate/" + queue.id());
    }

    /** The keyword a flagged (or copied) message gets. */
    public static String keywordFor(Queue queue) {
        return "Pitchgate_" + queue.id();
    }
}
