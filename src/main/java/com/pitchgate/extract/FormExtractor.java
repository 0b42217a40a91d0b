package com.pitchgate.extract;

import com.pitchgate.spi.Pitch.Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a web-form pitch: its fields as they are, its attachments with Tika. */
public final class FormExtractor {

    private final TikaTextExtractor tika;
    private final ExtractionConfig limits;

    public FormExtractor(TikaTextExtractor tika, ExtractionConfig limits) {
        this.tika = tika;
        this.limits = limits;
    }

    public ExtractedPitch extract(FormSubmission form) {
        Deadline deadline = Deadline.in(Duration.ofMillis(limits.getTimeout().toMilliseconds()));
        String email = form.email().toLowerCase(Locale.ROOT);
        Address sender = new Address(email, form.name(), email.substring(email.lastIndexOf('@') + 1));
        List<ExtractedAttachment> attachments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (FormSubmission.FormAttachment file : form.attachments()) {
            if (attachments.size() >= limits.getMaxAttachments()) {
                problems.add("more than " + limits.getMaxAttachments() + " attachments: " + file.filename() + " and later ones were skipped");
                break;
            }
            byte[] content = Base64.getMimeDecoder().decode(file.data());
            if (content.length > limits.getMaxAttachmentSize().toBytes()) {
                attachments.add(new ExtractedAttachment(file.filename(), Optional.ofNullable(file.contentType()).orElse("application/octet-stream"),
                        content.length, "", Optional.of("not read: larger than the " + limits.getMaxAttachmentSize() + " limit")));
                continue;
            }
            ExtractedText text = tika.extract(content, file.contentType(), file.filename(), deadline);
            attachments.add(new ExtractedAttachment(file.filename(), text.mediaType(), content.length, text.text(), text.problem()));
        }
        String message = form.message();
        if (message.length() > limits.getMaxTextChars()) {
            problems.add("message text cut at " + limits.getMaxTextChars() + " characters");
            message = message.substring(0, limits.getMaxTextChars());
        }
        return new ExtractedPitch("form", sender, Optional.empty(),
                Optional.of(form.company()).filter(c -> !c.isBlank()), form.subject(), Optional.empty(),
                TikaTextExtractor.normalise(message), attachments, Map.of(), Set.of(), problems);
    }
}
