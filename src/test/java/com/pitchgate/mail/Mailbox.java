package com.pitchgate.mail;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/** A test's view of GreenMail: delivers raw messages over real SMTP and reads folders over real IMAP. */
final class Mailbox {

    static final String ADDRESS = "pitches@lafabrique.example";
    static final String PASSWORD = "secret";

    private final GreenMailOperations greenMail;
    private final ImapAccount account;

    Mailbox(GreenMailOperations greenMail) {
        this.greenMail = greenMail;
        greenMail.setUser(ADDRESS, ADDRESS, PASSWORD);
        this.account = new ImapAccount("127.0.0.1", greenMail.getImap().getPort(), ADDRESS, PASSWORD);
    }

    /** Sends a raw message to the screened mailbox through GreenMail's SMTP server. */
    void deliver(String raw) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session,
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the sender's Message-ID, as a real MTA does
            }
        };
        Transport.send(message, new jakarta.mail.Address[] {new jakarta.mail.internet.InternetAddress(ADDRESS)});
    }

    /** The subjects of the messages in a folder of the screened mailbox. */
    List<String> subjects(String folderName) throws MessagingException {
        return account.subjects(folderName);
    }

    /** Moves the message with this subject from one folder to another, as a manager's mail client would. */
    void move(String subject, String from, String to) throws MessagingException {
        account.move(subject, from, to);
    }

    /** Messages GreenMail received for an address (our forwards and replies). */
    List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                for (jakarta.mail.Address to : message.getAllRecipients()) {
                    if (to.toString().contains(address)) {
                        received.add(message);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    interface MailCheck {
        boolean holds() throws Exception;
    }

    static BooleanSupplier quietly(MailCheck check) {
        return () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                return false;
            }
        };
    }

    private static String encoded(String header) {
        try {
            return jakarta.mail.internet.MimeUtility.encodeText(header, "UTF-8", "Q");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain-text message as a sender would write it, with any extra header lines. */
    static String message(String from, String messageId, String subject, String body, String... headers) {
        StringBuilder raw = new StringBuilder("From: " + from + "\nTo: " + Mailbox.ADDRESS + "\nSubject: " + encoded(subject)
                + "\nMessage-ID: " + messageId + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n");
        for (String header : headers) {
            raw.append(header).append('\n');
        }
        return raw.append('\n').append(body).append('\n').toString();
    }
}
