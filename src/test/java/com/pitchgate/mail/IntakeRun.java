package com.pitchgate.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.extract.MboxSeparator;
import com.pitchgate.ingest.InvalidPitchException;
import com.pitchgate.ingest.RawMessageCheck;
import com.pitchgate.mail.SpamAssassinCorpus.CorpusMessage;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.RawMail;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends real mail through one intake of a running server (POST /api/messages, the SMTP intake, or
 * a mailbox it screens over IMAP), then counts from its store and API what became of each message:
 * stored, decided per queue, refused (with what the intake answered), and lost, which is what is
 * neither stored nor refused; all of it for one space, so that several intakes can share a store
 * (Message-IDs are told apart per space). Shared by the corpus test and the whole-corpus run (bench/corpus_run.sh).
 */
final class IntakeRun {

    static final String UNREADABLE_FLAG = "Pitchgate_unreadable";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IntakeRun() {
    }

    /** A running server: its API (no key asked), its SMTP intake's port (0: none), its store, and the space screened for. */
    record Server(String api, int smtpPort, String databaseUrl, String space) {
    }

    /**
     * What became of the messages sent through one intake. {@code oddSignals} maps each stored
     * message's Message-ID ("" for none) to the extraction's signals on its decision
     * ("extract/missing_sender"...); {@code notes} says what the channel saw besides.
     */
    record Outcome(String channel, int sent, long stored, Map<String, Long> decided, Map<String, List<String>> refused,
            Map<String, Set<String>> oddSignals, List<String> notes, double seconds) {

        long refusedCount() {
            return refused.values().stream().mapToLong(List::size).sum();
        }

        long decidedCount() {
            return decided.values().stream().mapToLong(Long::longValue).sum();
        }

        long lost() {
            return sent - stored - refusedCount();
        }
    }

    /** Each message posted to POST /api/messages, one at a time; anything but 2xx is a refusal. */
    static Outcome api(Server server, List<CorpusMessage> messages) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, List<String>> refused = new TreeMap<>();
        long start = System.nanoTime();
        for (CorpusMessage message : messages) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.api() + "/api/messages?space=" + server.space()))
                    .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofByteArray(message.raw())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                refused.computeIfAbsent(response.statusCode() + " " + response.body(), k -> new ArrayList<>()).add(message.name());
            }
        }
        return count("API", server, messages.size(), refused, List.of(), seconds(start));
    }

    /**
     * Each message handed to the SMTP intake over one connection, as an MTA would: its bytes as
     * fetched, to {@code recipient}, from the envelope sender of its mbox "From " line ({@code <>}
     * without one); a reply other than 250 is a refusal.
     */
    static Outcome smtp(Server server, List<CorpusMessage> messages, String recipient) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(server.smtpPort()));
        Session session = Session.getInstance(properties);
        Address[] to = InternetAddress.parse(recipient);
        Map<String, List<String>> refused = new TreeMap<>();
        long start = System.nanoTime();
        Transport transport = session.getTransport("smtp");
        try {
            for (CorpusMessage message : messages) {
                if (!transport.isConnected()) {
                    transport.connect();
                }
                try {
                    transport.sendMessage(new RawMail(session, message.raw(), envelopeSender(message.raw())), to);
                } catch (SMTPSendFailedException e) {
                    refused.computeIfAbsent(e.getReturnCode() + " " + e.getMessage().strip(), k -> new ArrayList<>())
                            .add(message.name());
                } catch (MessagingException e) {
                    refused.computeIfAbsent("no SMTP reply: " + e, k -> new ArrayList<>()).add(message.name());
                    transport.close();
                }
            }
        } finally {
            transport.close();
        }
        return count("SMTP", server, messages.size(), refused, List.of(), seconds(start));
    }

    /** Puts each message in the folder exactly as fetched (IMAP APPEND), as a delivery would leave it. */
    static void append(ImapAccount account, String folderName, List<CorpusMessage> messages) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        try (Store store = account.connect()) {
            Folder folder = ImapAccount.folder(store, folderName);
            for (int from = 0; from < messages.size(); from += 100) {
                Message[] batch = messages.subList(from, Math.min(messages.size(), from + 100)).stream()
                        .map(message -> new RawMail(session, message.raw(), null)).toArray(Message[]::new);
                folder.appendMessages(batch);
            }
        }
    }

    /**
     * Waits until the server has screened the mailbox (INBOX holds only what it flagged as no
     * message), or until nothing changed in it for {@code stall}; a message flagged and left there is
     * a refusal. {@code started} is when the server was asked to start.
     */
    static Outcome imap(String channel, Server server, ImapAccount account, List<CorpusMessage> messages, Duration stall,
            long started) throws Exception {
        Map<String, String> names = byMessageId(messages);
        Map<String, List<String>> refused = new TreeMap<>();
        long lastChange = System.nanoTime();
        int[] last = {-1, -1};
        int[] now;
        while (true) {
            now = inbox(account);
            if (now[0] == now[1]) {
                break;
            }
            if (now[0] != last[0] || now[1] != last[1]) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = seconds(started);
        try (Store store = account.connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message message : inbox.getMessages()) {
                if (message.getFlags().contains(UNREADABLE_FLAG)) {
                    String[] id = message.getHeader("Message-ID");
                    String name = names.getOrDefault(id == null ? "" : id[0].strip(), "(no Message-ID)");
                    refused.computeIfAbsent("flagged " + UNREADABLE_FLAG + " and left in INBOX", k -> new ArrayList<>()).add(name);
                }
            }
            inbox.close(false);
        }
        List<String> notes = new ArrayList<>();
        notes.add("INBOX: " + now[0] + " left, " + now[1] + " of them flagged " + UNREADABLE_FLAG);
        StringBuilder folders = new StringBuilder("filed:");
        for (String folder : List.of("Pitchgate/Forward", "Pitchgate/Intro", "Pitchgate/Declined")) {
            folders.append(' ').append(folder).append(' ').append(account.count(folder));
        }
        notes.add(folders.toString());
        return count(channel, server, messages.size(), refused, notes, seconds);
    }

    /** INBOX's message count and how many of them are flagged as no message. */
    private static int[] inbox(ImapAccount account) throws MessagingException {
        try (Store store = account.connect()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int flagged = inbox.search(new jakarta.mail.search.FlagTerm(new Flags(UNREADABLE_FLAG), true)).length;
            int total = inbox.getMessageCount();
            inbox.close(false);
            return new int[] {total, flagged};
        }
    }

    /** The counts of the store and of the API's queues, once every stored message is decided or a minute passed. */
    private static Outcome count(String channel, Server server, int sent, Map<String, List<String>> refused, List<String> notes,
            double seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long stored;
        Map<String, Long> decided;
        do {
            stored = storedCount(server);
            decided = queueTotals(server);
        } while (decided.values().stream().mapToLong(Long::longValue).sum() < stored && System.nanoTime() < deadline
                && sleep(500));
        return new Outcome(channel, sent, stored, decided, refused, oddSignals(server), notes, seconds);
    }

    private static long storedCount(Server server) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM pitches WHERE channel = 'email' AND space_id = ?")) {
            statement.setString(1, server.space());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Map<String, Set<String>> oddSignals(Server server) throws SQLException {
        Map<String, Set<String>> signals = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(server.databaseUrl());
                PreparedStatement statement = connection.prepareStatement("SELECT p.message_id, r.policy, r.signal FROM reasons r"
                        + " JOIN pitches p ON p.id = r.pitch_id WHERE r.policy = 'extract' AND p.space_id = ?")) {
            statement.setString(1, server.space());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1) == null ? "" : rows.getString(1);
                    signals.computeIfAbsent(id, k -> new TreeSet<>()).add(rows.getString(2) + "/" + rows.getString(3));
                }
            }
        }
        return signals;
    }

    /** Each queue's total, from GET /api/queues/{queue}. */
    private static Map<String, Long> queueTotals(Server server) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Queue queue : Queue.values()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.api() + "/api/queues/"
                    + queue.id() + "?limit=1&space=" + server.space())).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            totals.put(queue.id(), body.path("total").asLong());
        }
        return totals;
    }

    /** The corpus messages by the Message-ID the intake reads from them ("" for none). */
    static Map<String, String> byMessageId(List<CorpusMessage> messages) {
        Map<String, String> names = new HashMap<>();
        for (CorpusMessage message : messages) {
            try {
                names.putIfAbsent(RawMessageCheck.check(message.raw()).duplicateKey().orElse(""), message.name());
            } catch (InvalidPitchException e) {
                // not a message: it has no Message-ID to find it by
            }
        }
        return names;
    }

    /** The address of an mbox "From " line, which is the envelope sender; "&lt;&gt;" without one. */
    static String envelopeSender(byte[] raw) {
        int length = MboxSeparator.length(raw);
        if (length == 0) {
            return "<>";
        }
        String[] words = new String(raw, 0, length, StandardCharsets.ISO_8859_1).strip().split("\\s+");
        return words.length > 1 && words[1].contains("@") ? words[1] : "<>";
    }

    /** The outcomes as a table, then each refusal's reason with the messages it was given for. */
    static String table(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        out.append("| intake | sent | stored | decided | forward | requires_intro | auto_decline | refused | lost | seconds |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            out.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %d | %.0f |%n", o.channel(), o.sent(), o.stored(),
                    o.decidedCount(), o.decided().getOrDefault("forward", 0L), o.decided().getOrDefault("requires_intro", 0L),
                    o.decided().getOrDefault("auto_decline", 0L), o.refusedCount(), o.lost(), o.seconds()));
        }
        for (Outcome o : outcomes) {
            Map<String, Long> odd = new TreeMap<>();
            o.oddSignals().values().forEach(signals -> signals.forEach(s -> odd.merge(s, 1L, Long::sum)));
            out.append('\n').append(o.channel()).append(": odd mail decided with ").append(odd.isEmpty() ? "no extract/ signal" : odd)
                    .append('\n');
            o.notes().forEach(note -> out.append("  ").append(note).append('\n'));
            o.refused().forEach((reason, names) -> out.append("  refused ").append(names.size()).append("x: ").append(reason)
                    .append(": ").append(names.size() > 5 ? names.subList(0, 5) + " ..." : names).append('\n'));
        }
        return out.toString();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
