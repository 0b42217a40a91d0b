package com.pitchgate.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * API access. Keys are created with the {@code new-key} command or {@code POST /api/keys} (stored
 * hashed in the database), or declared here by their SHA-256 for deployments kept as code.
 */
public class AuthConfig {

    /** Off only for local development: every caller is then an admin of every space. */
    public boolean enabled = true;

    @Valid
    @NotNull
    public List<DeclaredKey> keys = new ArrayList<>();

    /**
     * A key declared in {@code config.yml}.
     *
     * @param sha256 the key's SHA-256, in hex (the key itself is never written down)
     * @param member for the {@code member} role, the member's id
     */
    public record DeclaredKey(@NotBlank String name, @NotBlank String space,
            @NotBlank @Pattern(regexp = "admin|manager|member|ingest") String role, String member,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 in lower-case hex") String sha256) {
    }
}
