package com.pitchgate.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.extract.MailHeaders;
import com.pitchgate.space.Space;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.StoreReceipt;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The first step for every pitch, whatever its channel: check it, then commit it raw. Nothing is
 * acknowledged before it is on disk; duplicates are recognised here.
 */
public final class IntakeService {

    public static final String EMAIL = "email";
    public static final String FORM = "form";
    /** The content hash of a mail recognised by its Message-ID instead (see {@link #contentHash}). */
    static final String NO_CONTENT_HASH = "";

    private final PitchStore store;
    private final ObjectMapper canonicalJson;
    private final Clock clock;
    private final Optional<Duration> screeningLease;

    /** An intake that stores pitches for recovery to screen later. */
    public IntakeService(PitchStore store, ObjectMapper mapper, Clock clock) {
        this(store, mapper, clock, Optional.empty());
    }

    /**
     * An intake whose callers screen each new pitch at once: it is stored already claimed by them for
     * {@code screeningLease} (see {@link PitchStore#receive}); should they die, recovery takes it
     * over when the lease runs out.
     */
    public IntakeService(PitchStore store, ObjectMapper mapper, Clock clock, Duration screeningLease) {
        this(store, mapper, clock, Optional.of(screeningLease));
    }

    private IntakeService(PitchStore store, ObjectMapper mapper, Clock clock, Optional<Duration> screeningLease) {
        this.store = store;
        this.canonicalJson = mapper;
        this.clock = clock;
        this.screeningLease = screeningLease;
    }

    /** A raw message's envelope: checked, and its headers parsed, the one time on its way in. */
    public Envelope message(Space space, byte[] raw) {
        MailHeaders headers = RawMessageCheck.check(raw);
        return new Envelope(space, EMAIL, raw, contentHash(raw, headers), clock.instant(), Optional.of(headers));
    }

    /**
     * The envelope of a message whose headers the caller has parsed and checked already (the SMTP
     * intake, which checks the message as the client sent it, then parses it with its trace lines).
     */
    public Envelope message(Space space, MailHeaders headers) {
        return new Envelope(space, EMAIL, headers.raw(), contentHash(headers.raw(), headers), clock.instant(), Optional.of(headers));
    }

    /** A web-form pitch's envelope: its canonical JSON is what is stored. */
    public Envelope form(Space space, FormSubmission form) {
        form.attachmentProblem().ifPresent(problem -> {
            throw new InvalidPitchException(problem);
        });
        byte[] raw;
        try {
            raw = canonicalJson.writeValueAsBytes(form);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Envelope(space, FORM, raw, sha256(raw), clock.instant(), Optional.empty());
    }

    /** Commits the pitch raw (or finds the copy stored before): nothing is acknowledged before this returns. */
    public StoreReceipt store(Envelope envelope) {
        String spaceId = envelope.space().id();
        if (screeningLease.isPresent()) {
            return store.receive(spaceId, envelope.channel(), envelope.raw(), envelope.sha256(), envelope.duplicateKey(),
                    envelope.receivedAt(), screeningLease.get());
        }
        return store.storeRaw(spaceId, envelope.channel(), envelope.raw(), envelope.sha256(), envelope.duplicateKey(),
                envelope.receivedAt());
    }

    /**
     * What a mail without a Message-ID is recognised by when it comes again: the SHA-256 of its bytes.
     * A mail with one is recognised by it (the same bytes hold the same Message-ID), so its hash would
     * never be looked up, and is not computed: SHA-256 was 1.7 % of the request threads' CPU, as C1
     * compiles it (no intrinsic). Its {@code content_hash} is left empty, outside the hash's index.
     */
    static String contentHash(byte[] raw, MailHeaders headers) {
        return headers.duplicateKey().isPresent() ? NO_CONTENT_HASH : sha256(raw);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
