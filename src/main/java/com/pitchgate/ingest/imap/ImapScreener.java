package com.pitchgate.ingest.imap;

import com.pitchgate.crm.OverrideService;
import com.pitchgate.ingest.IntakeBudget;
import com.pitchgate.ingest.Envelope;
import com.pitchgate.ingest.IntakePort;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.ingest.InvalidPitchException;
import com.pitchgate.mail.MailSessions;
import com.pitchgate.space.Space;
import com.pitchgate.spi.Queue;
import com.pitchgate.store.Leases;
import com.pitchgate.store.MailboxDao;
import com.pitchgate.store.StoredMailboxes;
import com.pitchgate.store.PitchStore.StoreReceipt;
import io.dropwizard.lifecycle.Managed;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens one IMAP mailbox: each new message is stored raw and committed, decided, then filed in its
 * queue's folder (or flagged). Progress is kept by UID and UIDVALIDITY, and a message is only marked
 * done after it is filed: after a crash, a message already stored is recognised (same Message-ID)
 * and filed with its first decision, never screened twice. A message the manager moves back to the
 * screened folder, or into another queue's folder, is read as an override.
 */
public final class ImapScreener implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ImapScreener.class);

    private final ImapAccountConfig account;
    private final Space space;
    private final IntakePort intake;
    private final IntakeBudget budget;
    private final OverrideService overrides;
    private final StoredMailboxes mailboxes;
    private final Clock clock;
    private final Session session;
    private final Leases leases;
    private final String lease;
    private final String owner;
    private volatile boolean running;
    private volatile Store connected;
    /** The connected server's hierarchy separator (see {@link #onServer}). */
    private char separator = '/';
    private Thread worker;

    public ImapScreener(ImapAccountConfig account, Space space, IntakePort intake, IntakeBudget budget,
            OverrideService overrides, StoredMailboxes mailboxes, Leases leases, Clock clock, String instance) {
        this.account = account;
        this.space = space;
        this.intake = intake;
        this.budget = budget;
        this.overrides = overrides;
        this.mailboxes = mailboxes;
        this.clock = clock;
        this.session = MailSessions.session("imap", account);
        this.leases = leases;
        this.lease = "imap:" + account.id;
        this.owner = instance;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "imap-" + account.id);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        closeQuietly(connected);
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(30));
        leases.release(lease, owner);
    }

    /**
     * Whether this instance may screen the mailbox now: one instance at a time holds its lease in the
     * database, renewed every round; if it dies, another takes over once the lease runs out.
     */
    private boolean holdsMailbox() {
        java.time.Duration ttl = java.time.Duration.ofMillis(Math.max(3 * account.pollInterval.toMilliseconds(),
                TimeUnit.MINUTES.toMillis(2)));
        return leases.acquire(lease, owner, ttl);
    }

    private void run() {
        long backoff = account.pollInterval.toMilliseconds();
        while (running) {
            if (!holdsMailbox()) {
                sleep(account.pollInterval.toMilliseconds());
                continue;
            }
            try (Store imap = session.getStore()) {
                imap.connect(account.host, account.port, account.user, account.resolvePassword().orElse(null));
                connected = imap;
                separator = imap.getDefaultFolder().getSeparator();
                IMAPFolder inbox = (IMAPFolder) onServer(imap, account.folder);
                inbox.open(Folder.READ_WRITE);
                backoff = account.pollInterval.toMilliseconds();
                while (running && holdsMailbox()) {
                    boolean backlog = screenNewMessages(inbox);
                    readOverridesFromFolders(imap);
                    // A full mailbox is screened batch after batch: IDLE would only wake for mail yet to come.
                    if (!backlog) {
                        waitForMail(imap, inbox);
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("mailbox {} ({}): {}; trying again in {} ms", account.id, account, e.toString(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, TimeUnit.MINUTES.toMillis(10));
            }
        }
    }

    /**
     * Screens the messages that arrived since the last round, oldest first, at most a batch, then
     * files them, one server command per queue. Progress is saved only once they are filed. Returns
     * whether more new messages than the batch were waiting and all of the batch was screened: the
     * next round is then due at once.
     */
    boolean screenNewMessages(IMAPFolder inbox) throws MessagingException {
        long validity = inbox.getUIDValidity();
        Optional<MailboxDao.Progress> progress = mailboxes.progress(account.id);
        // A new UIDVALIDITY means the server renumbered the folder: read it all again; Message-IDs keep it safe.
        long lastUid = progress.filter(p -> p.uidValidity() == validity).map(MailboxDao.Progress::lastUid).orElse(0L);
        Message[] candidates = inbox.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add("Message-ID");
        inbox.fetch(candidates, profile);
        List<Message> waiting = Arrays.stream(candidates).filter(m -> uid(inbox, m) > lastUid)
                .sorted(Comparator.comparingLong(m -> uid(inbox, m))).toList();
        List<Message> fresh = waiting.subList(0, Math.min(waiting.size(), account.batchSize));
        Map<Queue, List<Screened>> toFile = new EnumMap<>(Queue.class);
        long highest = lastUid;
        boolean wholeBatch = true;
        for (Message message : fresh) {
            Optional<Screened> screened = running ? screen(message) : Optional.empty();
            if (screened.isEmpty()) {
                wholeBatch = false;
                break;
            }
            screened.get().queue().ifPresent(q -> toFile.computeIfAbsent(q, k -> new ArrayList<>()).add(screened.get()));
            highest = uid(inbox, message);
        }
        for (Map.Entry<Queue, List<Screened>> group : toFile.entrySet()) {
            file(inbox, group.getValue().stream().map(Screened::message).toArray(Message[]::new), group.getKey());
            for (Screened screened : group.getValue()) {
                record(screened.key(), screened.pitchId(), group.getKey());
            }
        }
        if (highest > lastUid) {
            long done = highest;
            mailboxes.saveProgress(account.id, validity, done);
        }
        inbox.expunge();
        return wholeBatch && waiting.size() > fresh.size();
    }

    /**
     * A message read and decided: the queue to file it under, or none when it stays where it is.
     * Empty when it must be looked at again next round.
     */
    private Optional<Screened> screen(Message message) throws MessagingException {
        try (IntakeBudget.Hold hold = budget.hold(Math.max(message.getSize(), 0))) {
            byte[] raw = raw(message);
            hold.growTo(raw.length);
            return screen(message, raw);
        } catch (IntakeBudget.Exhausted e) {
            LOG.warn("mailbox {}: no room yet for the next message ({}); it is read again next round", account.id,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Screened> screen(Message message, byte[] raw) throws MessagingException {
        String key = key(message).orElseGet(() -> "sha256:" + IntakeService.sha256(raw));
        Optional<MailboxDao.Filed> filed = mailboxes.filed(account.id, key);
        if (filed.isPresent()) {
            // Filed before and back here: the manager moved it back to read it. Leave it where they put it.
            overrideTo(filed.get().pitchId(), Queue.FORWARD, "moved back to " + account.folder);
            record(key, filed.get().pitchId(), Queue.FORWARD);
            return Optional.of(new Screened(message, key, filed.get().pitchId(), Optional.empty()));
        }
        Envelope envelope;
        try {
            envelope = intake.message(space, raw);
        } catch (InvalidPitchException e) {
            LOG.warn("mailbox {}: message {} is not a pitch ({}); flagged and left in place", account.id, key, e.getMessage());
            message.setFlags(new Flags("Pitchgate_unreadable"), true);
            return Optional.of(new Screened(message, key, 0, Optional.empty()));
        }
        IntakePort.Received received = intake.receive(envelope);
        StoreReceipt receipt = received.receipt();
        // Decided just now, or (a duplicate) before: then the store says where it went.
        Optional<Queue> queue = received.screened().map(screened -> screened.decision().queue())
                .or(() -> decidedQueue(receipt.id()));
        if (queue.isEmpty()) {
            LOG.warn("mailbox {}: pitch {} is stored but not decided yet; it stays in {} until it is", account.id,
                    receipt.id(), account.folder);
            return Optional.empty();
        }
        return Optional.of(new Screened(message, key, receipt.id(), queue));
    }

    private void file(IMAPFolder inbox, Message[] messages, Queue queue) throws MessagingException {
        switch (account.filing) {
            case FLAG -> inbox.setFlags(messages, new Flags(ImapAccountConfig.keywordFor(queue)), true);
            case COPY -> {
                inbox.setFlags(messages, new Flags(ImapAccountConfig.keywordFor(queue)), true);
                inbox.copyMessages(messages, folder(inbox.getStore(), queue));
            }
            default -> inbox.moveMessages(messages, folder(inbox.getStore(), queue));
        }
    }

    /** A message read in this round, the pitch it is, and where it is to be filed. */
    private record Screened(Message message, String key, long pitchId, Optional<Queue> queue) {
    }

    /** Messages the manager moved between queue folders change their pitch's queue. */
    void readOverridesFromFolders(Store imap) throws MessagingException {
        if (account.filing == ImapAccountConfig.Filing.FLAG) {
            return;
        }
        for (Queue queue : Queue.values()) {
            Folder folder = onServer(imap, account.folderFor(queue));
            if (!folder.exists()) {
                continue;
            }
            folder.open(Folder.READ_ONLY);
            try {
                Message[] messages = folder.getMessages();
                FetchProfile headers = new FetchProfile();
                headers.add("Message-ID");
                folder.fetch(messages, headers);
                for (Message message : messages) {
                    Optional<String> key = key(message);
                    if (key.isEmpty()) {
                        continue;
                    }
                    Optional<MailboxDao.Filed> filed = mailboxes.filed(account.id, key.get());
                    if (filed.isPresent() && !filed.get().queue().equals(queue.id())) {
                        overrideTo(filed.get().pitchId(), queue, "moved to folder " + folder.getFullName());
                        record(key.get(), filed.get().pitchId(), queue);
                    }
                }
            } finally {
                folder.close(false);
            }
        }
    }

    private void overrideTo(long pitchId, Queue queue, String why) {
        overrides.override(pitchId, queue, "mailbox " + account.id, why);
    }

    private void record(String key, long pitchId, Queue queue) {
        mailboxes.file(account.id, key, pitchId, queue.id(), clock.millis());
    }

    private Optional<Queue> decidedQueue(long pitchId) {
        return mailboxes.decidedQueue(pitchId).flatMap(Queue::fromId);
    }

    private Folder folder(Store imap, Queue queue) throws MessagingException {
        Folder folder = onServer(imap, account.folderFor(queue));
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create folder " + folder.getFullName());
        }
        return folder;
    }

    /**
     * A configured folder on this server: a {@code /} in its name separates levels, whatever the
     * server's own separator. Dovecot's Maildir layout, Courier and GreenMail use {@code .}, and
     * Dovecot refuses a {@code /} in a name ("Name must not have '/' characters").
     */
    private Folder onServer(Store imap, String configured) throws MessagingException {
        return imap.getFolder(separator == '/' ? configured : configured.replace('/', separator));
    }

    /** IDLE until mail arrives or the poll interval ends, where the server can; a plain wait otherwise. */
    private void waitForMail(Store imap, IMAPFolder inbox) throws MessagingException {
        if (!account.idle || !(imap instanceof IMAPStore store) || !store.hasCapability("IDLE")) {
            sleep(account.pollInterval.toMilliseconds());
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // A command on the folder ends the IDLE: that is how the wait is bounded. Not getMessageCount:
            // Angus sends its NOOP (and ends the IDLE) only when the last command is over 1 s old.
            ScheduledFuture<?> nudge = timer.schedule(() -> {
                try {
                    inbox.doCommand(protocol -> {
                        protocol.noop();
                        return null;
                    });
                } catch (MessagingException ignored) {
                    // the next round reconnects
                }
            }, account.pollInterval.toMilliseconds(), TimeUnit.MILLISECONDS);
            inbox.idle(true);
            nudge.cancel(false);
        } finally {
            timer.shutdownNow();
        }
    }

    private static Optional<String> key(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        return ids == null || ids.length == 0 || ids[0].isBlank() ? Optional.empty() : Optional.of(ids[0].strip());
    }

    private static byte[] raw(Message message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("cannot read message", e);
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // stopping anyway
            }
        }
    }
}
