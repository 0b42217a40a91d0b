package com.pitchgate.ingest;

import com.pitchgate.extract.FormSubmission;
import com.pitchgate.extract.MailHeaders;
import com.pitchgate.space.Space;
import com.pitchgate.store.PitchStore.StoreReceipt;
import com.pitchgate.store.ScreenedPitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way in for every channel (HTTP, web form, IMAP, SMTP; issue 24): a pitch's {@link Envelope}
 * is committed raw, then screened at once from that envelope. The channels make the envelope
 * here ({@link #message}, {@link #form}) and say what to answer; this does the rest.
 */
public final class IntakePort {

    private static final Logger LOG = LoggerFactory.getLogger(IntakePort.class);

    private final IntakeService intake;
    private final ReceivedPitches screening;

    public IntakePort(IntakeService intake, ReceivedPitches screening) {
        this.intake = intake;
        this.screening = screening;
    }

    /** See {@link IntakeService#message(Space, byte[])}: the one header parse. */
    public Envelope message(Space space, byte[] raw) {
        return intake.message(space, raw);
    }

    /** See {@link IntakeService#message(Space, MailHeaders)}. */
    public Envelope message(Space space, MailHeaders headers) {
        return intake.message(space, headers);
    }

    /** See {@link IntakeService#form}. */
    public Envelope form(Space space, FormSubmission form) {
        return intake.form(space, form);
    }

    /**
     * Stores the pitch, then screens it. A failure to store propagates (nothing was acknowledged);
     * so does one to screen, the pitch then being stored and retried by recovery.
     */
    public Received receive(Envelope envelope) {
        StoreReceipt receipt = intake.store(envelope);
        return new Received(receipt, screening.processReceived(receipt, envelope));
    }

    /**
     * One message for several spaces (SMTP, several pitch addresses): all copies are stored before
     * any is screened, so that a store failure refuses the message as a whole; a screening failure
     * is logged, the copy being stored and retried by recovery. Copies stored before are not screened again.
     */
    public List<Received> receiveAll(List<Envelope> envelopes) {
        List<StoreReceipt> receipts = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            receipts.add(intake.store(envelope));
        }
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            StoreReceipt receipt = receipts.get(i);
            Optional<ScreenedPitch> screened = Optional.empty();
            if (!receipt.duplicate()) {
                try {
                    screened = screening.processReceived(receipt, envelopes.get(i));
                } catch (RuntimeException e) {
                    LOG.error("pitch {} is stored; screening failed and will be retried", receipt.id(), e);
                }
            }
            received.add(new Received(receipt, screened));
        }
        return received;
    }

    /** What became of one envelope: its receipt, and its decision when it was screened now. */
    public record Received(StoreReceipt receipt, Optional<ScreenedPitch> screened) {
    }
}
