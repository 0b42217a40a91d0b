package com.pitchgate.outbound;

import com.pitchgate.mail.MailSessions;
import io.dropwizard.lifecycle.Managed;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds through the configured relay. A failed attempt is retried later,
 * waiting twice as long each time; the message, its attempts and its last error stay visible on
 * the pitch ({@code deliveries}) and failures on the health check. A decision never depends on it.
 */
public final class OutboxDispatcher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration SENDING_LEASE = Duration.ofMinutes(2);

    private final OutboundConfig config;
    private final Outbox outbox;
    private final Clock clock;
    private final Session session;
    private ScheduledExecutorService scheduler;

    public OutboxDispatcher(OutboundConfig config, Outbox outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.session = MailSessions.session("smtp", config.relay);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outbox");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sendDueSafely, 0, config.pollInterval.toMilliseconds(), TimeUnit.MILLISECONDS);
    }

    /** Sends the messages that are due; returns how many went out. */
    public int sendDue() {
        long now = clock.millis();
        int sent = 0;
        for (Outbox.Due row : outbox.due(now, BATCH)) {
            if (outbox.claim(row.id(), now, now + SENDING_LEASE.toMillis()) && send(row)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(Outbox.Due row) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(row.raw()));
            Address[] to = InternetAddress.parse(String.join(",", row.recipients()));
            try (Transport transport = session.getTransport()) {
                transport.connect(config.relay.host, config.relay.port, config.relay.user,
                        config.relay.resolvePassword().orElse(null));
                transport.sendMessage(message, to);
            }
            outbox.markSent(row.id(), clock.millis());
            return true;
        } catch (MessagingException | RuntimeException e) {
            long delay = Math.min(config.maxRetryDelay.toMilliseconds(),
                    config.retryDelay.toMilliseconds() << Math.min(row.attempts(), 20));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warn("sending {} {} for pitch {} failed (attempt {}): {}", row.kind(), row.id(), row.pitchId(),
                    row.attempts() + 1, error);
            outbox.markFailed(row.id(), error, clock.millis() + delay, config.maxAttempts);
            return false;
        }
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.error("the outbox could not be read; trying again in {}", config.pollInterval, e);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
