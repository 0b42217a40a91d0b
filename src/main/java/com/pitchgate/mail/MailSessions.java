package com.pitchgate.mail;

import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for a configured server, with time-outs so a silent server cannot hang us. */
public final class MailSessions {

    private static final String TIMEOUT_MILLIS = "30000";

    private MailSessions() {
    }

    /** @param protocol {@code imap} or {@code smtp} */
    public static Session session(String protocol, MailServerConfig server) {
        String p = server.security == MailServerConfig.Security.SSL ? protocol + "s" : protocol;
        Properties properties = new Properties();
        properties.setProperty("mail.store.protocol", p);
        properties.setProperty("mail.transport.protocol", p);
        properties.setProperty("mail." + p + ".host", server.host);
        properties.setProperty("mail." + p + ".port", String.valueOf(server.port));
        properties.setProperty("mail." + p + ".connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + p + ".timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail." + p + ".writetimeout", TIMEOUT_MILLIS);
        if (server.security == MailServerConfig.Security.STARTTLS) {
            properties.setProperty("mail." + p + ".starttls.enable", "true");
            properties.setProperty("mail." + p + ".starttls.required", "true");
        }
        if (server.user != null && protocol.equals("smtp")) {
            properties.setProperty("mail." + p + ".auth", "true");
        }
        if (server.trustAllCertificates) {
            properties.setProperty("mail." + p + ".ssl.trust", "*");
        }
        return Session.getInstance(properties);
    }
}
