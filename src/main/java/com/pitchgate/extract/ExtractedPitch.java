package com.pitchgate.extract;

import com.pitchgate.spi.Pitch.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything extraction read from a raw pitch: who sent it, its text, its attachments' text, and
 * the structured marks that matter for screening.
 *
 * @param company  the company a web-form sender typed in, if any
 * @param headers  mail headers by lower-case name, values decoded; empty for form posts
 * @param marks    structural marks such as {@code tracking_pixel}
 * @param problems what could not be read, for the decision's reasons
 * @param oddHeaders what was odd about a mail's headers (no sender, no Date...), for the decision's reasons
 */
public record ExtractedPitch(
        String channel,
        Address sender,
        Optional<Address> replyTo,
        Optional<String> company,
        String subject,
        Optional<String> messageId,
        String body,
        List<ExtractedAttachment> attachments,
        Map<String, List<String>> headers,
        Set<String> marks,
        List<String> problems,
        List<OddHeader> oddHeaders) {

    /** The sender of a pitch that names no usable address: nobody to answer, nothing to remember. */
    public static final Address NO_SENDER = new Address("", "", "");

    public ExtractedPitch {
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
        marks = Set.copyOf(marks);
        problems = List.copyOf(problems);
        oddHeaders = List.copyOf(oddHeaders);
    }

    /** A pitch whose headers are as expected, or that has none (a form post). */
    public ExtractedPitch(String channel, Address sender, Optional<Address> replyTo, Optional<String> company,
            String subject, Optional<String> messageId, String body, List<ExtractedAttachment> attachments,
            Map<String, List<String>> headers, Set<String> marks, List<String> problems) {
        this(channel, sender, replyTo, company, subject, messageId, body, attachments, headers, marks, problems, List.of());
    }

    /** A pitch nothing could be read from, with the reason, so that it is still decided. */
    public static ExtractedPitch unreadable(String channel, String problem) {
        return new ExtractedPitch(channel, NO_SENDER, Optional.empty(), Optional.empty(), "", Optional.empty(), "",
                List.of(), Map.of(), Set.of(), List.of(problem));
    }

    /** The first odd header that leaves the sender in doubt, if any: then nobody is answered automatically. */
    public Optional<OddHeader> senderInDoubt() {
        if (!sender.hasEmail()) {
            return Optional.of(oddHeaders.stream().filter(o -> o.signal().equals(OddHeader.MISSING_SENDER)).findFirst()
                    .orElse(new OddHeader(OddHeader.MISSING_SENDER, "no usable sender address")));
        }
        return oddHeaders.stream().filter(OddHeader::doubtsSender).findFirst();
    }
}
