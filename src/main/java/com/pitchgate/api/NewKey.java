package com.pitchgate.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A key to create. */
public record NewKey(@NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "admin|manager|member|ingest", message = "must be admin, manager, member or ingest") String role,
        String member) {
}
