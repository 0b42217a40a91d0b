package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Odd headers are read, not refused: the sender as well as it can be known, and each oddity named. */
class OddHeadersTest {

    private static final String BODY = "Content-Type: text/plain\n\nHello, do you rent desks by the day?\n";
    private static final String DATED = "Date: Thu, 22 Aug 2002 12:00:00 +0000\nMessage-ID: <odd@x.example>\n";

    private static TikaTextExtractor tika;
    private static MailExtractor extractor;

    @BeforeAll
    static void setUp() {
        tika = new TikaTextExtractor(10_000, 2);
        extractor = new MailExtractor(tika, new ExtractionConfig());
    }

    @AfterAll
    static void tearDown() {
        tika.close();
    }

    @Test
    void anOrdinaryMessageHasNothingOdd() {
        ExtractedPitch pitch = extract("From: Anna <anna@brightlabs.example>\n" + DATED + BODY);
        assertThat(pitch.sender().email()).isEqualTo("anna@brightlabs.example");
        assertThat(pitch.oddHeaders()).isEmpty();
        assertThat(pitch.senderInDoubt()).isEmpty();
    }

    @Test
    void noFromAtAllIsAMissingSender() {
        ExtractedPitch pitch = extract("Subject: who am I\n" + DATED + BODY);
        assertThat(pitch.sender().hasEmail()).isFalse();
        assertThat(signals(pitch)).containsExactly(OddHeader.MISSING_SENDER);
        assertThat(pitch.oddHeaders().get(0).detail()).startsWith("no From header");
        assertThat(pitch.senderInDoubt()).isPresent();
        assertThat(pitch.body()).isEqualTo("Hello, do you rent desks by the day?");
    }

    @Test
    void anEmptyAddressIsAMissingSender() {
        ExtractedPitch pitch = extract("From: \"\" <>\n" + DATED + BODY);
        assertThat(pitch.sender().email()).isEmpty();
        assertThat(pitch.sender().domain()).isEmpty();
        assertThat(signals(pitch)).containsExactly(OddHeader.MISSING_SENDER);
        assertThat(pitch.oddHeaders().get(0).detail()).isEqualTo("the From header holds no e-mail address (\"\" <>),"
                + " and neither Sender nor Return-Path names one: there is nobody to answer");
    }

    @Test
    void aNameWithoutAnAddressKeepsTheName() {
        ExtractedPitch pitch = extract("From: \"Jane Doe\" <>\n" + DATED + BODY);
        assertThat(pitch.sender().hasEmail()).isFalse();
        assertThat(pitch.sender().name()).isEqualTo("Jane Doe");
    }

    @Test
    void oddAddressFormsWithoutAnAddressAreMissingSenders() {
        for (String from : List.of("user at host", "<>", "undisclosed-recipients:;", "John Smith", "Name <user@host")) {
            ExtractedPitch pitch = extract("From: " + from + "\n" + DATED + BODY);
            assertThat(pitch.sender().hasEmail()).as(from).isFalse();
            assertThat(signals(pitch)).as(from).containsExactly(OddHeader.MISSING_SENDER);
        }
    }

    @Test
    void withoutAnAddressInFromTheSenderHeaderOrReturnPathStandsIn() {
        ExtractedPitch fromSender = extract("From: undisclosed-recipients:;\nSender: Relay <relay@lists.example>\n" + DATED + BODY);
        assertThat(fromSender.sender().email()).isEqualTo("relay@lists.example");
        assertThat(signals(fromSender)).containsExactly(OddHeader.SENDER_NOT_IN_FROM);
        assertThat(fromSender.oddHeaders().get(0).detail()).contains("read from Sender: relay@lists.example");

        ExtractedPitch fromReturnPath = extract("Return-Path: <bounce@mailer.example>\n" + DATED + BODY);
        assertThat(fromReturnPath.sender().email()).isEqualTo("bounce@mailer.example");
        assertThat(fromReturnPath.oddHeaders().get(0).detail()).startsWith("no From header").contains("Return-Path");
        assertThat(fromReturnPath.senderInDoubt()).as("never answered on a guess").isPresent();
    }

    @Test
    void anEmptyReturnPathIsNoSender() {
        ExtractedPitch bounce = extract("From: \"\" <>\nReturn-Path: <>\n" + DATED + BODY);
        assertThat(bounce.sender().hasEmail()).isFalse();
        assertThat(signals(bounce)).containsExactly(OddHeader.MISSING_SENDER);
    }

    @Test
    void severalSendersInOneFromOrInSeveralFromHeaders() {
        ExtractedPitch oneHeader = extract("From: a@x.example, B <b@y.example>\n" + DATED + BODY);
        assertThat(oneHeader.sender().email()).isEqualTo("a@x.example");
        assertThat(signals(oneHeader)).containsExactly(OddHeader.SEVERAL_SENDERS);
        assertThat(oneHeader.oddHeaders().get(0).detail()).contains("names 2 addresses (a@x.example, b@y.example)");

        ExtractedPitch twoHeaders = extract("From: a@x.example\nFrom: b@y.example\n" + DATED + BODY);
        assertThat(twoHeaders.sender().email()).isEqualTo("a@x.example");
        assertThat(twoHeaders.oddHeaders().get(0).detail()).startsWith("2 From headers name 2 addresses");
        assertThat(twoHeaders.senderInDoubt()).isPresent();
    }

    @Test
    void aGroupInFromGivesItsFirstMember() {
        ExtractedPitch pitch = extract("From: Team: anna@brightlabs.example, tom@brightlabs.example;\n" + DATED + BODY);
        assertThat(pitch.sender().email()).isEqualTo("anna@brightlabs.example");
        assertThat(signals(pitch)).containsExactly(OddHeader.SEVERAL_SENDERS);
    }

    @Test
    void anAddressIsPickedOutOfAMalformedFrom() {
        ExtractedPitch pitch = extract("From: Anna Berg <anna@brightlabs.example\n" + DATED + BODY);
        assertThat(pitch.sender().email()).isEqualTo("anna@brightlabs.example");
        assertThat(pitch.sender().domain()).isEqualTo("brightlabs.example");
        assertThat(signals(pitch)).containsExactly(OddHeader.MALFORMED_SENDER);
        assertThat(pitch.senderInDoubt()).isPresent();
    }

    @Test
    void unusualButValidAddressesAreNotOdd() {
        for (String from : List.of("anna@brightlabs.example (Anna)", "\"anna@work\" <anna@brightlabs.example>",
                "<anna@[192.0.2.1]>", "\"anna berg\"@brightlabs.example")) {
            ExtractedPitch pitch = extract("From: " + from + "\n" + DATED + BODY);
            assertThat(pitch.sender().hasEmail()).as(from).isTrue();
            assertThat(pitch.oddHeaders()).as(from).isEmpty();
        }
    }

    @Test
    void noDateAndNoMessageIdAreNamed() {
        ExtractedPitch pitch = extract("From: anna@brightlabs.example\n" + BODY);
        assertThat(signals(pitch)).containsExactly(OddHeader.MISSING_DATE, OddHeader.MISSING_MESSAGE_ID);
        assertThat(pitch.senderInDoubt()).as("the sender is known").isEmpty();
    }

    @Test
    void undecodableEncodedWordsAreKeptAsWrittenAndNamed() {
        ExtractedPitch pitch = extract("From: =?x-klingon?Q?Anna?= <anna@brightlabs.example>\n"
                + "Subject: =?utf-8?B?!!!notbase64?= and =?x-none?Q?abc?=\n" + DATED + BODY);
        assertThat(pitch.sender().email()).isEqualTo("anna@brightlabs.example");
        assertThat(pitch.subject()).isEqualTo("=?utf-8?B?!!!notbase64?= and =?x-none?Q?abc?=");
        assertThat(signals(pitch)).containsExactly(OddHeader.UNDECODABLE_HEADER);
        assertThat(pitch.oddHeaders().get(0).detail()).contains("From, Subject");
        assertThat(pitch.senderInDoubt()).isEmpty();
    }

    @Test
    void encodedWordsWrittenTogetherAreDecoded() {
        ExtractedPitch pitch = extract("From: anna@brightlabs.example\nSubject: =?utf-8?Q?Caf=C3=A9?==?utf-8?Q?_cr=C3=A8me?= ici\n"
                + DATED + BODY);
        assertThat(pitch.subject()).isEqualTo("Café crème ici");
        assertThat(pitch.oddHeaders()).isEmpty();
    }

    @Test
    void anMboxSeparatorIsSetAside() {
        ExtractedPitch pitch = extract("From anna@brightlabs.example Thu Aug 22 12:00:00 2002\nFrom: anna@brightlabs.example\n"
                + DATED + BODY);
        assertThat(pitch.sender().email()).isEqualTo("anna@brightlabs.example");
        assertThat(pitch.headers().keySet()).allMatch(name -> !name.contains(" "));
        assertThat(pitch.oddHeaders()).isEmpty();
        assertThat(pitch.body()).isEqualTo("Hello, do you rent desks by the day?");
    }

    @Test
    void anUnreadablePitchHasNoSender() {
        ExtractedPitch pitch = ExtractedPitch.unreadable("email", "could not be read");
        assertThat(pitch.sender().hasEmail()).isFalse();
        assertThat(pitch.senderInDoubt()).hasValueSatisfying(odd -> assertThat(odd.signal()).isEqualTo(OddHeader.MISSING_SENDER));
    }

    private static List<String> signals(ExtractedPitch pitch) {
        return pitch.oddHeaders().stream().map(OddHeader::signal).toList();
    }

    private static ExtractedPitch extract(String raw) {
        return extractor.extract(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
