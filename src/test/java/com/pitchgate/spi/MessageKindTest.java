package com.pitchgate.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageKindTest {

    @Test
    void aKindIsSureFromHalfItsProbabilityOn() {
        MessageKind even = new MessageKind(MessageKind.BULK, Map.of(MessageKind.BULK, 0.5, MessageKind.OFFER, 0.5));
        MessageKind leaning = new MessageKind(MessageKind.BULK, Map.of(MessageKind.BULK, 0.45, MessageKind.OFFER, 0.3,
                MessageKind.CORRESPONDENCE, 0.25));

        assertThat(even.isSurely(MessageKind.BULK)).isTrue();
        assertThat(even.isSurely(MessageKind.OFFER)).as("only the best kind").isFalse();
        assertThat(leaning.isSurely(MessageKind.BULK)).isFalse();
        assertThat(leaning.is(MessageKind.BULK)).isTrue();
        assertThat(MessageKind.UNKNOWN.isSurely(MessageKind.UNKNOWN_KIND)).isFalse();
    }
}
