package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InquiryPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Hello, could you send me the price list for a day pass?",
            "Can I have your price list? We are five.",
            "Is there a price list for meeting rooms?",
    })
    void aCustomerAskingForThePriceListAsksForSomething(String text) {
        assertThat(InquiryPolicy.REQUESTS.find(text, 1)).isNotEmpty();
    }

    /** The vendor offers its price list: that is no customer's request. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Forklifts delivered within 24h. Reply for a price list.",
            "Request our price list and catalogue today.",
            "Can I send you our trade price list?",
    })
    void aVendorOfferingItsPriceListAsksForNothing(String text) {
        assertThat(InquiryPolicy.REQUESTS.find(text, 1)).isEmpty();
    }
}
