package com.pitchgate.ingest.smtp;

import com.pitchgate.extract.MailHeaders;
import com.pitchgate.extract.MboxSeparator;
import com.pitchgate.ingest.Envelope;
import com.pitchgate.ingest.IntakeBudget;
import com.pitchgate.ingest.IntakePort;
import com.pitchgate.ingest.InvalidPitchException;
import com.pitchgate.ingest.RawMessageCheck;
import com.pitchgate.space.Space;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives pitches over SMTP. Mail is accepted (250) only once it is committed to the store;
 * unknown recipients get 550, oversized messages 552, what is not a message at all 554 (a message
 * whose headers are odd, such as a bounce from {@code <>} with no usable From, is accepted), and a
 * store failure 451, and so does a message that finds no room in the {@link IntakeBudget} in time, so
 * that the sending MTA tries again later.
 */
public final class SmtpIntake implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpIntake.class);

    private final SmtpIntakeConfig config;
    private final Map<String, Space> spaceByAddress;
    private final IntakePort intake;
    private final IntakeBudget budget;
    private SMTPServer server;

    /** @param spaceByAddress the space each accepted recipient address belongs to, addresses in lower case */
    public SmtpIntake(SmtpIntakeConfig config, Map<String, Space> spaceByAddress, IntakePort intake, IntakeBudget budget) {
        this.config = config;
        this.spaceByAddress = Map.copyOf(spaceByAddress);
        this.intake = intake;
        this.budget = budget;
    }

    @Override
    public void start() throws IOException {
        server = SMTPServer.port(config.port)
                .bindAddress(InetAddress.getByName(config.bindAddress))
                .hostName(config.hostName)
                .softwareName("Pitchgate")
                .maxMessageSize((int) Math.min(Integer.MAX_VALUE, config.maxMessageSize.toBytes()))
                .maxRecipients(config.maxRecipients)
                .maxConnections(config.maxConnections)
                .messageHandlerFactory(Handler::new)
                // Written by receive() with the Return-Path, after the check has seen the message as the client sent it.
                .insertReceivedHeaders(false)
                .build();
        server.start();
        LOG.info("SMTP intake listening on {}:{}", config.bindAddress, port());
    }

    /** The port actually listened on. */
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private final class Handler implements MessageHandler {
        private final Set<Space> spaces = new LinkedHashSet<>();
        private final MessageContext context;
        private String envelopeSender = "";

        Handler(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) {
            envelopeSender = from == null ? "" : from.strip();
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            Space space = spaceByAddress.get(recipient.strip().toLowerCase(Locale.ROOT));
            if (space == null) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: no pitch address of this server");
            }
            spaces.add(space);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            try (IntakeBudget.Hold hold = budget.hold(0)) {
                receive(hold.reading(data));
            } catch (IntakeBudget.Exhausted e) {
                LOG.warn("SMTP intake refused a message for now: {}", e.getMessage());
                throw new RejectException(451, "4.3.1 too many messages at once, please try again later");
            }
            return null;
        }

        private void receive(InputStream data) throws RejectException, IOException {
            long limit = config.maxMessageSize.toBytes();
            byte[] raw = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (raw.length > limit) {
                throw new RejectException(552, "5.3.4 message larger than " + config.maxMessageSize);
            }
            MailHeaders headers;
            try {
                RawMessageCheck.startsWithHeaders(raw);
                // The one parse of its headers, trace lines included: every space's copy is screened on it.
                headers = RawMessageCheck.check(withTrace(raw));
            } catch (InvalidPitchException e) {
                throw new RejectException(554, "5.6.0 " + e.getMessage());
            }
            Envelope first = intake.message(spaces.iterator().next(), headers);
            List<Envelope> envelopes = spaces.stream().map(first::to).toList();
            try {
                intake.receiveAll(envelopes);
            } catch (RuntimeException e) {
                LOG.error("SMTP intake could not store a message", e);
                throw new RejectException(451, "4.3.0 temporary failure, please try again later");
            }
        }

        /**
         * The message with the trace lines RFC 5321 (4.4) asks of the server that delivers it: the
         * envelope sender (Return-Path, {@code <>} for a bounce, which is then never answered), and
         * from whom (HELO and address, no DNS look-up), by whom, when.
         */
        private byte[] withTrace(byte[] raw) {
            String helo = context.getHelo().map(h -> h.replaceAll("[\\r\\n]", " ").strip()).orElse("unknown");
            String remote = context.getRemoteAddress() instanceof InetSocketAddress socket && socket.getAddress() != null
                    ? "[" + socket.getAddress().getHostAddress() + "]" : "unknown";
            String returnPath = envelopeSender.replaceAll("[\\r\\n<>]", "");
            byte[] trace = ("Return-Path: <" + returnPath + ">\r\n"
                    + "Received: from " + helo + " (" + remote + ")\r\n"
                    + "        by " + config.hostName + " with SMTP (Pitchgate) id " + context.getSessionId() + ";\r\n"
                    + "        " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            // After an mbox "From " line, which must stay first to be recognised as one.
            int separator = MboxSeparator.length(raw);
            byte[] traced = new byte[raw.length + trace.length];
            System.arraycopy(raw, 0, traced, 0, separator);
            System.arraycopy(trace, 0, traced, separator, trace.length);
            System.arraycopy(raw, separator, traced, separator + trace.length, raw.length - separator);
            return traced;
        }

        @Override
        public void done() {
        }
    }
}
