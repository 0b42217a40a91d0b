package com.pitchgate.store;

import com.pitchgate.crm.CrmEntries;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.outbound.OutboundMessage;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import java.time.Instant;
import java.util.List;

/**
 * Everything that screening one pitch produced, written in one transaction.
 *
 * @param attempt  the attempt number of the claim it was screened under (see {@link PitchStore#claim})
 * @param crm      what the CRM keeps of it, written as given
 * @param outbound the messages the decision asks to send, queued in the same transaction
 */
public record ScreenedPitch(long pitchId, int attempt, String spaceId, ExtractedPitch extracted, Pitch pitch,
        Decision decision, CrmEntries crm, List<OutboundMessage> outbound, Instant decidedAt) {
}
