package com.pitchgate.extract;

import com.pitchgate.spi.Pitch.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who sent a message, read as leniently as mail filters read it. A message whose From holds no
 * usable address is still a message: its sender then comes from Sender or Return-Path, or it has
 * none (an {@link Address} with an empty e-mail), and each such oddity is an {@link OddHeader}.
 */
final class SenderHeaders {

    /** An address as it may stand in malformed text ({@code Name <user@host.example}), with a dotted domain. */
    private static final Pattern ADDRESS_IN_TEXT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final int MAX_ADDRESS = 320;
    private static final int MAX_QUOTED = 100;
    private static final int MAX_LISTED = 5;

    private SenderHeaders() {
    }

    /** The sender, or an address with an empty e-mail when there is none, and what was odd about it. */
    record Reading(Address sender, List<OddHeader> oddHeaders) {
    }

    /** The usable addresses of one header value, in order, and whether they had to be picked out of malformed text. */
    record Parsed(List<Address> addresses, boolean pickedOut) {
    }

    static Reading read(MimeMessage message) {
        String[] froms = values(message, "From");
        List<Address> found = new ArrayList<>();
        boolean pickedOut = false;
        for (String from : froms) {
            Parsed parsed = addresses(from);
            parsed.addresses().stream().filter(a -> found.stream().noneMatch(f -> f.email().equals(a.email()))).forEach(found::add);
            pickedOut |= parsed.pickedOut();
        }
        String written = shown(String.join(", ", froms));
        if (!found.isEmpty()) {
            List<OddHeader> odd = new ArrayList<>();
            Address sender = found.get(0);
            if (pickedOut) {
                odd.add(new OddHeader(OddHeader.MALFORMED_SENDER, "the From header is malformed (" + written + "): "
                        + sender.email() + " was read from it"));
            }
            if (found.size() > 1) {
                String where = froms.length > 1 ? froms.length + " From headers name " : "the From header names ";
                odd.add(new OddHeader(OddHeader.SEVERAL_SENDERS, where + found.size() + " addresses ("
                        + found.stream().limit(MAX_LISTED).map(Address::email).collect(Collectors.joining(", "))
                        + (found.size() > MAX_LISTED ? ", ..." : "") + "): the first is taken as the sender"));
            }
            return new Reading(sender, odd);
        }
        String missing = froms.length == 0 ? "no From header" : "the From header holds no e-mail address (" + written + ")";
        for (String header : List.of("Sender", "Return-Path")) {
            for (String value : values(message, header)) {
                Optional<Address> stand = addresses(value).addresses().stream().findFirst();
                if (stand.isPresent()) {
                    Address sender = new Address(stand.get().email(), displayName(froms).orElse(stand.get().name()),
                            stand.get().domain());
                    return new Reading(sender, List.of(new OddHeader(OddHeader.SENDER_NOT_IN_FROM,
                            missing + "; the sender is read from " + header + ": " + sender.email())));
                }
            }
        }
        return new Reading(new Address("", displayName(froms).orElse(""), ""), List.of(new OddHeader(OddHeader.MISSING_SENDER,
                missing + ", and neither Sender nor Return-Path names one: there is nobody to answer")));
    }

    /** The first usable address of a header value. */
    static Optional<Address> first(String headerValue) {
        return addresses(headerValue).addresses().stream().findFirst();
    }

    static Parsed addresses(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            return new Parsed(List.of(), false);
        }
        List<Address> usable = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(headerValue, false)) {
                if (address.isGroup()) {
                    for (InternetAddress member : address.getGroup(false)) {
                        usable(member).ifPresent(usable::add);
                    }
                } else {
                    usable(address).ifPresent(usable::add);
                }
            }
        } catch (AddressException ignored) {
            // picked out of the text below
        }
        if (!usable.isEmpty()) {
            return new Parsed(usable, false);
        }
        Matcher inText = ADDRESS_IN_TEXT.matcher(EncodedWords.decode(headerValue).text());
        if (inText.find()) {
            String email = inText.group().toLowerCase(Locale.ROOT);
            return new Parsed(List.of(new Address(email, "", domain(email))), true);
        }
        return new Parsed(List.of(), false);
    }

    private static Optional<Address> usable(InternetAddress address) {
        String email = Optional.ofNullable(address.getAddress()).map(String::strip).orElse("");
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.length() > MAX_ADDRESS) {
            return Optional.empty();
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        boolean quotedLocal = local.length() > 1 && local.startsWith("\"") && local.endsWith("\"");
        if (!plain(domain) || (!quotedLocal && !plain(local))) {
            return Optional.empty();
        }
        String lower = email.toLowerCase(Locale.ROOT);
        String personal = EncodedWords.decode(Optional.ofNullable(address.getPersonal()).orElse("")).text();
        return Optional.of(new Address(lower, personal, domain(lower)));
    }

    /** No blanks, brackets or separators: what is left of "Name <user@host" or "a@x b@y" parsed as one address. */
    private static boolean plain(String part) {
        return part.chars().noneMatch(c -> Character.isWhitespace(c) || "<>,;:\"()".indexOf(c) >= 0);
    }

    private static String domain(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    /** What the From header calls the sender when it gives no address: {@code "Jane" <>} is Jane. */
    private static Optional<String> displayName(String[] froms) {
        if (froms.length == 0) {
            return Optional.empty();
        }
        String name;
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(froms[0], false);
            name = parsed.length > 0 && parsed[0].getPersonal() != null ? parsed[0].getPersonal() : froms[0];
        } catch (AddressException e) {
            name = froms[0];
        }
        String cleaned = EncodedWords.decode(name).text().replaceAll("[<>\"]", "").strip();
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(abbreviate(cleaned));
    }

    private static String shown(String value) {
        return abbreviate(EncodedWords.decode(value).text());
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }

    private static String[] values(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? new String[0] : values;
        } catch (MessagingException e) {
            return new String[0];
        }
    }
}
