package com.pitchgate.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** A "no" to record; {@code until} is a date, YYYY-MM-DD. */
public record NewDecline(@Email String email, @Size(max = 253) String organisation, String until) {
}
