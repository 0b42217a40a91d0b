package com.pitchgate.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A mailbox seen as a manager's mail client sees it, over real IMAP: folders named as in
 * config.yml ("Pitchgate/Forward", a "/" between levels, whatever the server's separator).
 */
record ImapAccount(String host, int port, String user, String password) {

    /** The subjects of the messages in a folder; none when it does not exist. */
    List<String> subjects(String folderName) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = folder(store, folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : folder.getMessages()) {
                subjects.add(message.getSubject());
            }
            folder.close(false);
            return subjects;
        }
    }

    /** The user keywords of the message with this subject in a folder. */
    List<String> keywords(String folderName, String subject) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = folder(store, folderName);
            folder.open(Folder.READ_ONLY);
            try {
                for (Message message : folder.getMessages()) {
                    if (subject.equals(message.getSubject())) {
                        return List.of(message.getFlags().getUserFlags());
                    }
                }
                throw new AssertionError("no message \"" + subject + "\" in " + folderName);
            } finally {
                folder.close(false);
            }
        }
    }

    /** Every folder's full name as the server spells it (e.g. "Pitchgate.Forward" on Dovecot's Maildir). */
    List<String> folderNamesOnServer() throws MessagingException {
        try (Store store = connect()) {
            List<String> names = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                names.add(folder.getFullName());
            }
            return names;
        }
    }

    /** Adds a raw message to a folder (IMAP APPEND), as a delivery would leave it there. */
    void append(String folderName, String raw) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = folder(store, folderName);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            folder.appendMessages(new Message[] {message});
        }
    }

    /** Moves the message with this subject from one folder to another, as a manager's mail client would. */
    void move(String subject, String from, String to) throws MessagingException {
        try (Store store = connect()) {
            Folder source = folder(store, from);
            source.open(Folder.READ_WRITE);
            Folder target = folder(store, to);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            List<Message> moving = new ArrayList<>();
            for (Message message : source.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    moving.add(message);
                }
            }
            if (moving.isEmpty()) {
                throw new AssertionError("no message \"" + subject + "\" in " + from);
            }
            Message[] messages = moving.toArray(Message[]::new);
            if (((IMAPStore) store).hasCapability("MOVE")) {
                ((IMAPFolder) source).moveMessages(messages, target);
            } else {
                source.copyMessages(messages, target);
                source.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
            }
            source.close(true);
        }
    }

    /** A folder named as in config.yml: "/" separates levels, as a mail client shows them. */
    static Folder folder(Store store, String name) throws MessagingException {
        char separator = store.getDefaultFolder().getSeparator();
        return store.getFolder(name.replace('/', separator));
    }

    /** How many messages a folder holds; 0 when it does not exist. */
    int count(String folderName) throws MessagingException {
        try (Store store = connect()) {
            Folder folder = folder(store, folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    /** A new connection to the account, logged in. */
    Store connect() throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(host, port, user, password);
        return store;
    }
}
