package com.pitchgate.extract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A pitch posted from a web form (or any client) as JSON to {@code POST /api/pitches}.
 *
 * @param attachments files sent along, base64-encoded
 */
public record FormSubmission(
        @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 200) String company,
        @Size(max = 500) String subject,
        @NotBlank String message,
        @Valid @Size(max = 20) List<@NotNull @Valid FormAttachment> attachments) {

    public FormSubmission {
        name = name == null ? "" : name.strip();
        email = email == null ? null : email.strip();
        company = company == null ? "" : company.strip();
        subject = subject == null ? "" : subject.strip();
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** What is wrong with the attachments' data, if anything, e.g. {@code attachments[1].data is not valid base64}. */
    public Optional<String> attachmentProblem() {
        for (int i = 0; i < attachments.size(); i++) {
            try {
                Base64.getMimeDecoder().decode(attachments.get(i).data());
            } catch (IllegalArgumentException e) {
                return Optional.of("attachments[" + i + "].data is not valid base64: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * One attached file.
     *
     * @param contentType the declared media type; detected from content when absent
     * @param data        the file's bytes, base64-encoded
     */
    public record FormAttachment(@NotBlank @Size(max = 255) String filename, @Size(max = 255) String contentType,
            @NotBlank String data) {
    }
}
