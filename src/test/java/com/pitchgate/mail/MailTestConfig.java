package com.pitchgate.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.base.GreenMailOperations;

/** The mail settings of the application under test, pointed at a GreenMail server. */
final class MailTestConfig {

    private MailTestConfig() {
    }

    /** Screens the test mailbox over IMAP, listens for SMTP on a free port, and sends through GreenMail. */
    static void withMail(ObjectNode config, GreenMailOperations greenMail) {
        ObjectNode account = config.putArray("imap").addObject();
        account.put("id", "lafabrique").put("host", "127.0.0.1").put("port", greenMail.getImap().getPort())
                .put("security", "none").put("user", Mailbox.ADDRESS).put("password", Mailbox.PASSWORD)
                .put("pollInterval", "200ms").put("idle", true);
        config.putObject("smtp").put("enabled", true).put("port", 0).put("maxMessageSize", "64KiB");
        ObjectNode outbound = config.putObject("outbound").put("enabled", true).put("replyAutoDecline", true)
                .put("pollInterval", "100ms");
        outbound.putObject("relay").put("host", "127.0.0.1").put("port", greenMail.getSmtp().getPort()).put("security", "none");
        ((ObjectNode) config.get("spaces").get(0)).putArray("addresses").add(Mailbox.ADDRESS);
    }
}
