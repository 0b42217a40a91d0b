package com.pitchgate.store;

import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.outbound.OutboundMessage;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Pitch;
import java.time.Instant;
import java.util.List;

/** Everything that screening one pitch produced, written in one transaction. */
public record ScreenedPitch(long pitchId, String spaceId, ExtractedPitch extracted, Pitch pitch, Decision decision,
        List<NewDecline> declines, List<OutboundMessage> outbound, Instant decidedAt) {
}
