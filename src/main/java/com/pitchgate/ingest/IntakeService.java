package com.pitchgate.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.StoredPitch;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The first step for every pitch, whatever its channel: check it, recognise a resend, then commit it,
 * raw (recovery screens it later) or, for a screening intake, screened and decided in the same
 * transaction. Nothing is acknowledged before it is on disk.
 */
public final class IntakeService {

    public static final String EMAIL = "email";
    public static final String FORM = "form";

    private final PitchStore store;
    private final ObjectMapper canonicalJson;
    private final Clock clock;
    private final Optional<NewPitchScreening> screening;

    /** An intake that stores pitches raw, for recovery to screen later. */
    public IntakeService(PitchStore store, ObjectMapper mapper, Clock clock) {
        this(store, mapper, clock, Optional.empty());
    }

    /**
     * An intake that has each new pitch screened at once, and stored with its decision in one transaction
     * (see {@link NewPitchScreening}): one commit a pitch instead of two. A crash while a pitch is being
     * screened loses nothing acknowledged: its sender was not answered yet, and sends it again.
     */
    public IntakeService(PitchStore store, ObjectMapper mapper, Clock clock, NewPitchScreening screening) {
        this(store, mapper, clock, Optional.of(screening));
    }

    private IntakeService(PitchStore store, ObjectMapper mapper, Clock clock, Optional<NewPitchScreening> screening) {
        this.store = store;
        this.canonicalJson = mapper;
        this.clock = clock;
        this.screening = screening;
    }

    public StoreReceipt acceptMessage(String spaceId, byte[] raw) {
        Optional<String> messageId = RawMessageCheck.check(raw);
        return store(spaceId, EMAIL, raw, messageId);
    }

    public StoreReceipt acceptForm(String spaceId, FormSubmission form) {
        form.attachmentProblem().ifPresent(problem -> {
            throw new InvalidPitchException(problem);
        });
        byte[] raw;
        try {
            raw = canonicalJson.writeValueAsBytes(form);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return store(spaceId, FORM, raw, Optional.empty());
    }

    private StoreReceipt store(String spaceId, String channel, byte[] raw, Optional<String> messageId) {
        String contentHash = sha256(raw);
        if (screening.isEmpty()) {
            return store.storeRaw(spaceId, channel, raw, contentHash, messageId, clock.instant());
        }
        Optional<StoreReceipt> earlier = store.earlier(spaceId, messageId, contentHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        // Its first attempt: should it fail, recovery counts on from there.
        StoredPitch pitch = new StoredPitch(store.newId(), spaceId, channel, raw, contentHash, messageId.orElse(null),
                clock.instant().toEpochMilli(), "processing", 1);
        return screening.get().screenAndStore(pitch);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
