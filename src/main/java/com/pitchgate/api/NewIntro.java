package com.pitchgate.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An intro to record.
 *
 * @param introducer   {@code member:<member id>} or {@code contact:<contact id>}
 * @param organisation a domain such as {@code acme.example}: the introducer knows the whole organisation
 */
public record NewIntro(@NotBlank String introducer, @Size(max = 200) String personName, @Email String personEmail,
        @Size(max = 253) String organisation, @Size(max = 2000) String note) {
}
