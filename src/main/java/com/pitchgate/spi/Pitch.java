package com.pitchgate.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An analysed pitch, as a policy sees it.
 *
 * @param id             the pitch's id in the store
 * @param channel        how it arrived: {@code form} or {@code email}
 * @param sender         who sent it; its e-mail is empty when the message named no usable address
 *                       (a bounce's {@code From: "" <>}, no From at all): see {@link Address#hasEmail()}
 * @param replyTo        the Reply-To address, when it differs from the sender
 * @param organisation   the sender's organisation: the company field of a form, or the domain of
 *                       a non-personal address; empty for personal mail domains
 * @param subject        the subject line, possibly empty
 * @param body           the plain text of the body (HTML stripped)
 * @param attachments    the attachments whose text could be extracted
 * @param language       ISO 639-1 code of the detected language, e.g. {@code fr}, {@code en}
 * @param headers        mail headers, names in lower case; for form posts, only {@code organization}
 *                       (the company the sender typed in), when given
 * @param marks          structural marks found while extracting, e.g. {@code tracking_pixel}
 * @param stems          the stemmed content words of subject, body and attachments
 * @param intermediaries people named in the pitch as the one who sent the sender our way
 * @param fit            how well the pitch fits the space and each member
 * @param kind           what the message is (an inquiry, an offer, bulk mail, ...), as the trained
 *                       categoriser reads it; {@link MessageKind#UNKNOWN} when not classified
 */
public record Pitch(
        long id,
        String channel,
        Address sender,
        Optional<Address> replyTo,
        Optional<String> organisation,
        String subject,
        String body,
        List<Attachment> attachments,
        String language,
        Map<String, List<String>> headers,
        Set<String> marks,
        Set<String> stems,
        List<String> intermediaries,
        Fit fit,
        MessageKind kind) {

    public Pitch {
        Objects.requireNonNull(sender, "sender");
        replyTo = replyTo == null ? Optional.empty() : replyTo;
        organisation = organisation == null ? Optional.empty() : organisation;
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        language = language == null ? "und" : language;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        marks = marks == null ? Set.of() : Set.copyOf(marks);
        stems = stems == null ? Set.of() : Set.copyOf(stems);
        intermediaries = intermediaries == null ? List.of() : List.copyOf(intermediaries);
        fit = fit == null ? Fit.NONE : fit;
        kind = kind == null ? MessageKind.UNKNOWN : kind;
    }

    /** A pitch whose kind was not classified: the constructor of the plugin API before {@code kind}. */
    public Pitch(long id, String channel, Address sender, Optional<Address> replyTo, Optional<String> organisation,
            String subject, String body, List<Attachment> attachments, String language, Map<String, List<String>> headers,
            Set<String> marks, Set<String> stems, List<String> intermediaries, Fit fit) {
        this(id, channel, sender, replyTo, organisation, subject, body, attachments, language, headers, marks, stems,
                intermediaries, fit, MessageKind.UNKNOWN);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Subject, body and attachment text joined, for policies that look for words anywhere. */
    public String fullText() {
        StringBuilder text = new StringBuilder(subject).append('\n').append(body);
        for (Attachment attachment : attachments) {
            text.append('\n').append(attachment.text());
        }
        return text.toString();
    }

    /**
     * An e-mail address with its display name and domain. The e-mail and domain are empty for a
     * sender the message gave no usable address for: mail filters let such mail through, and so
     * does Pitchgate; it is never answered, and nothing is remembered about "".
     */
    public record Address(String email, String name, String domain) {
        public Address {
            Objects.requireNonNull(email, "email");
            name = name == null ? "" : name;
            domain = domain == null ? "" : domain;
        }

        /** Whether there is an address at all: false for a message that named no usable sender. */
        public boolean hasEmail() {
            return !email.isEmpty();
        }
    }

    /** The extracted text of one attachment. */
    public record Attachment(String filename, String mediaType, String text) {
    }

    /**
     * Fit of the pitch against the profiles, each score between 0 (nothing in common) and 1.
     *
     * @param space   fit against the space's description and needs
     * @param members fit against each member's profile, by member id
     * @param matches the profile phrases the pitch matched, by profile field, e.g.
     *                {@code needs -> ["coffee supplier"]}, {@code member:alice/openTo -> ["accounting tools"]}
     */
    public record Fit(double space, Map<String, Double> members, Map<String, List<String>> matches) {
        public static final Fit NONE = new Fit(0, Map.of(), Map.of());
        /**
         * The pseudo-field of {@link #matches} that lists the needs and open-to items a pitch does not
         * meet but touches: it has their weightiest specific word ("filament" of "3D printer filament
         * supplier"). Something in common, though not enough to say it answers them.
         */
        public static final String TOUCHED = "touched";

        public Fit {
            members = members == null ? Map.of() : Map.copyOf(members);
            matches = matches == null ? Map.of() : Map.copyOf(matches);
        }

        public List<String> matched(String field) {
            return matches.getOrDefault(field, List.of());
        }
    }
}
