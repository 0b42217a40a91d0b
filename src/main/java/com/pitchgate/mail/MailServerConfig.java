package com.pitchgate.mail;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach a mail server (an IMAP mailbox or an SMTP relay). The password comes from the
 * configuration, a file, or an environment variable, and is never logged nor shown by the API.
 */
public class MailServerConfig {

    /** How the connection is protected. */
    public enum Security { NONE, STARTTLS, SSL }

    @NotBlank
    public String host = "localhost";

    @Min(1)
    @Max(65535)
    public int port = 25;

    @NotNull
    public Security security = Security.NONE;

    /** Log-in name; none for a relay that takes mail without authentication. */
    public String user;

    public String password;
    public String passwordFile;
    public String passwordEnv;

    /** Whether to trust any certificate: for test servers only. */
    public boolean trustAllCertificates = false;

    @AssertTrue(message = "give at most one of password, passwordFile and passwordEnv")
    @JsonIgnore
    public boolean isOnePasswordSource() {
        int sources = (password != null ? 1 : 0) + (passwordFile != null ? 1 : 0) + (passwordEnv != null ? 1 : 0);
        return sources <= 1;
    }

    /** The password, read now from wherever it is configured. */
    public Optional<String> resolvePassword() {
        if (password != null) {
            return Optional.of(password);
        }
        if (passwordFile != null) {
            try {
                return Optional.of(Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password file " + passwordFile, e);
            }
        }
        if (passwordEnv != null) {
            return Optional.ofNullable(System.getenv(passwordEnv));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return security.name().toLowerCase() + "://" + (user == null ? "" : user + "@") + host + ":" + port;
    }
}
