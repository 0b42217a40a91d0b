package com.pitchgate.outbound;

import com.pitchgate.extract.MboxSeparator;
import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.space.Space;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Queue;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Writes the messages Pitchgate sends: forwards with their reasons, and replies in the sender's language. */
final class MessageComposer {

    static final String QUEUE_HEADER = "X-Pitchgate-Queue";
    static final String REASONS_HEADER = "X-Pitchgate-Reasons";
    static final String PITCH_HEADER = "X-Pitchgate-Pitch";
    private static final int MAX_REASONS_HEADER = 900;

    private final Session session = Session.getInstance(new Properties());
    private final Map<String, String> templates = new ConcurrentHashMap<>();

    /**
     * A forward of the pitch to its targets: a short summary with every reason, the reasons again in
     * headers for filters, and the original e-mail attached intact (or the form's text).
     */
    byte[] forward(Space space, Pitch pitch, Decision decision, List<String> recipients, byte[] original) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(space.manager().email(), "Pitchgate (" + space.profile().name() + ")", "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", recipients)));
            if (pitch.sender().hasEmail()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(pitch.sender().email(), pitch.sender().name(), "UTF-8")});
            }
            String about = !pitch.subject().isBlank() ? pitch.subject()
                    : "pitch from " + (pitch.sender().hasEmail() ? pitch.sender().email() : senderText(pitch));
            message.setSubject("[Pitchgate] " + about, "UTF-8");
            message.setHeader(QUEUE_HEADER, decision.queue().id());
            message.setHeader(REASONS_HEADER, MimeUtility.fold(REASONS_HEADER.length() + 2, reasonsHeader(decision)));
            message.setHeader(PITCH_HEADER, String.valueOf(pitch.id()));
            message.setHeader("Auto-Submitted", "auto-generated");

            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart summary = new MimeBodyPart();
            summary.setText(summary(pitch, decision), "UTF-8");
            mixed.addBodyPart(summary);
            MimeBodyPart attached = new MimeBodyPart();
            if (pitch.channel().equals("email")) {
                attached.setDataHandler(new DataHandler(new ByteArrayDataSource(withoutMboxSeparator(original), "message/rfc822")));
                attached.setFileName("original.eml");
            } else {
                attached.setText(pitch.body(), "UTF-8");
                attached.setFileName("pitch.txt");
            }
            attached.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(attached);
            message.setContent(mixed);
            return bytes(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write the forward of pitch " + pitch.id(), e);
        }
    }

    /** A reply to the sender, in their language when it is French, in English otherwise. */
    byte[] reply(Space space, long pitchId, ReplyFacts pitch, Queue queue) {
        String language = pitch.language().equals("fr") ? "fr" : "en";
        String text = template(queue.id() + "." + language)
                .replace("{{name}}", pitch.sender().name().isBlank() ? "" : pitch.sender().name())
                .replace("{{space}}", space.profile().name())
                .replace("{{manager}}", space.manager().name())
                .replace("Hello ,", "Hello,").replace("Bonjour ,", "Bonjour,");
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(space.manager().email(), space.manager().name() + " (" + space.profile().name() + ")", "UTF-8"));
            message.setRecipients(MimeMessage.RecipientType.TO, new InternetAddress[] {
                    new InternetAddress(pitch.sender().email(), pitch.sender().name(), "UTF-8")});
            String subject = pitch.subject().isBlank() ? space.profile().name() : pitch.subject();
            message.setSubject(subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject, "UTF-8");
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
            message.setHeader(QUEUE_HEADER, queue.id());
            message.setHeader(PITCH_HEADER, String.valueOf(pitchId));
            message.setHeader("Content-Language", language);
            Optional<String> messageId = pitch.messageId();
            if (messageId.isPresent()) {
                message.setHeader("In-Reply-To", messageId.get());
                message.setHeader("References", pitch.references().map(r -> r + " " + messageId.get()).orElse(messageId.get()));
            }
            message.setText(text, "UTF-8");
            return bytes(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write the reply to pitch " + pitchId, e);
        }
    }

    static String reasonsHeader(Decision decision) {
        String all = decision.reasons().stream()
                .map(r -> r.policy() + "/" + r.signal() + "=" + format(r.weight()) + (r.decisive() ? "!" : ""))
                .collect(Collectors.joining("; "));
        return all.length() <= MAX_REASONS_HEADER ? all : all.substring(0, MAX_REASONS_HEADER) + "...";
    }

    private static String summary(Pitch pitch, Decision decision) {
        StringBuilder text = new StringBuilder();
        text.append("Pitchgate forwards this pitch (").append(decision.queue().id()).append(", score ")
                .append(format(decision.score())).append(").\n\n");
        text.append("From: ").append(senderText(pitch)).append('\n');
        pitch.organisation().ifPresent(o -> text.append("Organisation: ").append(o).append('\n'));
        text.append("Subject: ").append(pitch.subject()).append("\n\nWhy:\n");
        for (Reason reason : decision.reasons()) {
            text.append(" - ").append(reason.policy()).append('/').append(reason.signal()).append(" (")
                    .append(format(reason.weight())).append(reason.decisive() ? ", decisive" : "").append("): ")
                    .append(reason.detail()).append('\n');
        }
        text.append(pitch.sender().hasEmail() ? "\nThe original is attached. Reply to this message to answer the sender.\n"
                : "\nThe original is attached. It names no sender address to answer.\n");
        return text.toString();
    }

    /** "Name <address>", or what is known of a sender without an address. */
    private static String senderText(Pitch pitch) {
        String name = pitch.sender().name();
        if (!pitch.sender().hasEmail()) {
            return (name.isBlank() ? "" : name + " ") + "(no sender address)";
        }
        return (name.isBlank() ? "" : name + " ") + "<" + pitch.sender().email() + ">";
    }

    /** The message as an attachment: an mbox "From " line before it would read as a broken header. */
    private static byte[] withoutMboxSeparator(byte[] original) {
        int separator = MboxSeparator.length(original);
        return separator == 0 ? original : Arrays.copyOfRange(original, separator, original.length);
    }

    private static String format(double weight) {
        return (weight > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", weight);
    }

    private String template(String name) {
        return templates.computeIfAbsent(name, key -> {
            try (InputStream in = MessageComposer.class.getResourceAsStream(key + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("missing reply template " + key);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException {
        try {
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
