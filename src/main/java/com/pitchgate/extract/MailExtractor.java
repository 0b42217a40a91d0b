package com.pitchgate.extract;

import com.pitchgate.spi.Pitch.Address;
import com.pitchgate.text.MatchesAt;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message: headers with Jakarta Mail, text of every part with Tika. MIME
 * structure is walked here, not by Tika, so that depth, attachment count and size stay bounded.
 */
public final class MailExtractor {

    /** Headers kept per message, and characters kept per header value: a stranger's mail is bounded. */
    private static final int MAX_HEADERS = 300;
    private static final int MAX_HEADER_CHARS = 4_000;

    static final Pattern TRACKING_PIXEL = Pattern.compile(
            "<img\\b[^>]*(?:\\b(?:width|height)\\s*=\\s*[\"']?[01](?:px)?[\"'\\s/>]|display\\s*:\\s*none)[^>]*>",
            Pattern.CASE_INSENSITIVE);

    /** Every message read here in this process, for the {@code MimeWalks} metric and the test that counts them. */
    private static final LongAdder WALKS = new LongAdder();

    private final Session session;
    private final TikaTextExtractor tika;
    private final ExtractionConfig limits;

    public MailExtractor(TikaTextExtractor tika, ExtractionConfig limits) {
        this.tika = tika;
        this.limits = limits;
        Properties lenient = new Properties();
        lenient.setProperty("mail.mime.address.strict", "false");
        lenient.setProperty("mail.mime.decodetext.strict", "false");
        lenient.setProperty("mail.mime.parameters.strict", "false");
        lenient.setProperty("mail.mime.multipart.allowempty", "true");
        lenient.setProperty("mail.mime.base64.ignoreerrors", "true");
        // RFC 6532: raw UTF-8 in headers, which many senders use without encoding.
        lenient.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(lenient);
    }

    /** Reads a raw message: its headers parsed here (the recovery and evaluation paths). */
    public ExtractedPitch extract(byte[] raw) {
        MailHeaders parsed;
        try {
            parsed = MailHeaders.parse(raw);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not an RFC 822 message: " + e.getMessage(), e);
        }
        return extract(parsed);
    }

    /** Reads a message whose headers intake has parsed already: they are not parsed again. */
    public ExtractedPitch extract(MailHeaders parsed) {
        WALKS.increment();
        Deadline deadline = Deadline.in(Duration.ofMillis(limits.getTimeout().toMilliseconds()));
        Collector collector = new Collector();
        MimeMessage message = parsed.message(session);
        Map<String, List<String>> headers = headers(message, collector);
        SenderHeaders.Reading from = SenderHeaders.read(message);
        Address sender = from.sender();
        Optional<Address> replyTo = Optional.ofNullable(safe(() -> message.getHeader("Reply-To", ","), null, collector, "Reply-To"))
                .flatMap(SenderHeaders::first).filter(a -> !a.email().equals(sender.email()));
        String subject = cut(EncodedWords.decode(safe(() -> message.getHeader("Subject", null), null, collector, "subject")).text(),
                MAX_HEADER_CHARS, "the subject", collector);
        Optional<String> messageId = Optional.ofNullable(safe(message::getMessageID, null, collector, "Message-ID"))
                .map(String::strip).filter(id -> !id.isEmpty());

        walk(message, 0, collector, deadline);

        String body = collector.body();
        return new ExtractedPitch("email", sender, replyTo, Optional.empty(), subject, messageId, body,
                collector.attachments, headers, collector.marks, collector.problems,
                oddHeaders(from, message, messageId, collector));
    }

    /** How many messages this process has read (each one MIME walk). */
    public static long walks() {
        return WALKS.sum();
    }

    private static List<OddHeader> oddHeaders(SenderHeaders.Reading from, MimeMessage message, Optional<String> messageId,
            Collector collector) {
        List<OddHeader> odd = new ArrayList<>(from.oddHeaders());
        String date = safe(() -> message.getHeader("Date", null), null, collector, "Date");
        if (date == null || date.isBlank()) {
            odd.add(new OddHeader(OddHeader.MISSING_DATE, "no Date header: the time it was received stands in"));
        }
        if (messageId.isEmpty()) {
            odd.add(new OddHeader(OddHeader.MISSING_MESSAGE_ID,
                    "no Message-ID header: a copy sent again is recognised only if it is the same to the byte"));
        }
        if (!collector.undecodable.isEmpty()) {
            odd.add(new OddHeader(OddHeader.UNDECODABLE_HEADER, "encoded-words that could not be decoded in "
                    + String.join(", ", collector.undecodable) + ": kept as written"));
        }
        return odd;
    }

    private void walk(Part part, int depth, Collector collector, Deadline deadline) {
        if (depth > limits.getMaxDepth()) {
            collector.problem("MIME parts nested deeper than " + limits.getMaxDepth() + " levels were skipped");
            return;
        }
        try {
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        walk(child, depth + 1, collector, deadline);
                    }
                } else {
                    collector.problem("a multipart section could not be split into parts");
                }
            } else if (part.isMimeType("message/rfc822") && depth > 0) {
                attachForwardedMessage(part, depth, collector, deadline);
            } else if (isAttachment(part)) {
                attach(part, collector, deadline);
            } else if (part.isMimeType("text/plain")) {
                collector.plain.add(TikaTextExtractor.normalise(cut(textOf(part, collector), limits.getMaxTextChars(),
                        "body text", collector)));
            } else if (part.isMimeType("text/html")) {
                String html = textOf(part, collector);
                if (holdsTrackingPixel(html)) {
                    collector.marks.add("tracking_pixel");
                }
                ExtractedText text = tika.extractHtml(html, deadline);
                text.problem().ifPresent(p -> collector.problem("HTML body " + p));
                collector.html.add(text.text());
            } else {
                attach(part, collector, deadline);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            collector.problem("a MIME part could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        String disposition = part.getDisposition();
        return Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName(part) != null;
    }

    private void attach(Part part, Collector collector, Deadline deadline) throws MessagingException, IOException {
        String filename = Optional.ofNullable(fileName(part)).orElse("unnamed");
        String declared = baseType(part.getContentType());
        if (collector.attachments.size() >= limits.getMaxAttachments()) {
            if (!collector.attachmentsSkipped) {
                collector.attachmentsSkipped = true;
                collector.problem("more than " + limits.getMaxAttachments() + " attachments: " + filename + " and later ones were skipped");
            }
            return;
        }
        long limit = limits.getMaxAttachmentSize().toBytes();
        byte[] content = PartContent.read(part, (int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (content.length > limit) {
            collector.attachments.add(new ExtractedAttachment(filename, declared, content.length, "",
                    Optional.of("not read: larger than the " + limits.getMaxAttachmentSize() + " limit")));
            return;
        }
        if (declared.startsWith("image/") || declared.startsWith("audio/") || declared.startsWith("video/")) {
            collector.attachments.add(new ExtractedAttachment(filename, declared, content.length, "", Optional.empty()));
            return;
        }
        ExtractedText text = PlainText.read(content, part.getContentType(), limits.getMaxTextChars())
                .orElseGet(() -> tika.extract(content, declared, filename, deadline));
        collector.attachments.add(new ExtractedAttachment(filename, text.mediaType(), content.length, text.text(), text.problem()));
    }

    private void attachForwardedMessage(Part part, int depth, Collector outer, Deadline deadline)
            throws MessagingException, IOException {
        Object content = part.getContent();
        if (!(content instanceof MimeMessage forwarded)) {
            attach(part, outer, deadline);
            return;
        }
        Collector inner = new Collector();
        walk(forwarded, depth + 1, inner, deadline);
        String subject = Optional.ofNullable(forwarded.getSubject()).orElse("");
        StringBuilder text = new StringBuilder(subject).append("\n\n").append(inner.body());
        inner.attachments.forEach(a -> text.append("\n\n").append(a.text()));
        outer.marks.addAll(inner.marks);
        inner.problems.forEach(p -> outer.problem("forwarded message: " + p));
        String name = subject.isBlank() ? "forwarded message" : "forwarded message: " + subject;
        outer.attachments.add(new ExtractedAttachment(name, "message/rfc822", part.getSize(), text.toString().strip(), Optional.empty()));
    }

    private static String textOf(Part part, Collector collector) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException e) {
            collector.problem("unknown charset in " + part.getContentType() + ": read as UTF-8");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** At most {@code max} characters of {@code text}; a problem says when it was cut. */
    private static String cut(String text, int max, String what, Collector collector) {
        if (text == null || text.length() <= max) {
            return text;
        }
        collector.problem(what + " cut at " + max + " characters");
        return text.substring(0, max);
    }

    private static Map<String, List<String>> headers(MimeMessage message, Collector collector) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        try {
            Enumeration<Header> all = message.getAllHeaders();
            int count = 0;
            while (all.hasMoreElements()) {
                Header header = all.nextElement();
                if (++count > MAX_HEADERS) {
                    collector.problem("more than " + MAX_HEADERS + " headers: the rest were ignored");
                    break;
                }
                EncodedWords.Decoded decoded = EncodedWords.decode(header.getValue());
                if (!decoded.complete()) {
                    collector.undecodable.add(header.getName());
                }
                String value = decoded.text();
                if (value.length() > MAX_HEADER_CHARS) {
                    value = value.substring(0, MAX_HEADER_CHARS);
                }
                headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            }
        } catch (MessagingException e) {
            collector.problem("headers could not be read in full: " + e.getMessage());
        }
        return headers;
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : EncodedWords.decode(name).text();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private interface MailCall<T> {
        T call() throws MessagingException;
    }

    private static <T> T safe(MailCall<T> call, T fallback, Collector collector, String what) {
        try {
            return call.call();
        } catch (MessagingException | RuntimeException e) {
            collector.problem("the " + what + " could not be read: " + e.getMessage());
            return fallback;
        }
    }

    /** What the walk over the MIME tree has found so far. */
    private static final class Collector {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<ExtractedAttachment> attachments = new ArrayList<>();
        final Set<String> marks = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        final Set<String> undecodable = new LinkedHashSet<>();
        boolean attachmentsSkipped;

        void problem(String problem) {
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }

        /** Plain text parts when there are any with text; the HTML parts' text otherwise. */
        String body() {
            String plainText = String.join("\n\n", plain).strip();
            return plainText.isEmpty() ? String.join("\n\n", html).strip() : plainText;
        }
    }

    /**
     * Whether {@link #TRACKING_PIXEL} matches anywhere, as its find() says: a match starts with "<img"
     * (ASCII letters in any case), and the pattern is tried at such a tag only, not at each character
     * of the HTML.
     */
    static boolean holdsTrackingPixel(String html) {
        MatchesAt pixel = new MatchesAt(TRACKING_PIXEL, html);
        for (int at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
            if (html.regionMatches(true, at + 1, "img", 0, 3) && pixel.at(at)) {
                return true;
            }
        }
        return false;
    }
}
