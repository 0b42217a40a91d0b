package com.pitchgate.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

/** An address to add to a contact. */
public record NewAddress(@NotBlank @Email String email) {
}
