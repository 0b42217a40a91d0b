package com.pitchgate.support;

import java.util.List;

/**
 * One message for each odd-header class of issue 26 (no From, several, an address in an odd form,
 * no Date, no Message-ID, undecodable encoded-words), shared by the tests of each intake: the API's
 * (OddHeadersApiTest) and the mail channels' (OddHeadersMailTest), so that every class goes through
 * every intake. Each has a subject of its own, to find its pitch by.
 */
public final class OddHeaderCases {

    private static final String DATED = "Date: Thu, 22 Aug 2002 12:00:00 +0000\n";
    private static final String TEXT = "Content-Type: text/plain; charset=UTF-8\n\n"
            + "Hello, we built a platform that helps designers recruit participants for user research interviews.\n";

    private OddHeaderCases() {
    }

    /**
     * One odd-header class: the message (LF line ends), its subject as read, the signal its decision
     * must carry, and the sender read ("" for none).
     */
    public record OddCase(String name, String raw, String subject, String signal, String sender) {
    }

    public static List<OddCase> cases() {
        return List.of(
                new OddCase("no From header", "Subject: no From\nMessage-ID: <c1@odd.example>\n" + DATED + TEXT,
                        "no From", "missing_sender", ""),
                new OddCase("From: \"\" <> (a bounce)", "From: \"\" <>\nSubject: empty sender\nMessage-ID: <c2@odd.example>\n"
                        + DATED + TEXT, "empty sender", "missing_sender", ""),
                new OddCase("From: <>", "From: <>\nSubject: bare brackets\nMessage-ID: <c3@odd.example>\n" + DATED + TEXT,
                        "bare brackets", "missing_sender", ""),
                new OddCase("From: user at host", "From: user at host\nSubject: at\nMessage-ID: <c4@odd.example>\n" + DATED + TEXT,
                        "at", "missing_sender", ""),
                new OddCase("From: undisclosed-recipients:;", "From: undisclosed-recipients:;\nSubject: group\n"
                        + "Message-ID: <c5@odd.example>\n" + DATED + TEXT, "group", "missing_sender", ""),
                new OddCase("no address in From, one in Sender", "From: Jane Doe\nSender: jane@relay.example\nSubject: sender\n"
                        + "Message-ID: <c6@odd.example>\n" + DATED + TEXT, "sender", "sender_not_in_from", "jane@relay.example"),
                new OddCase("several addresses in From", "From: a@one.example, b@two.example\nSubject: two\n"
                        + "Message-ID: <c7@odd.example>\n" + DATED + TEXT, "two", "several_senders", "a@one.example"),
                new OddCase("several From headers", "From: a@three.example\nFrom: b@four.example\nSubject: two headers\n"
                        + "Message-ID: <c8@odd.example>\n" + DATED + TEXT, "two headers", "several_senders", "a@three.example"),
                new OddCase("malformed From", "From: Anna Berg <anna@brightlabs.example\nSubject: unclosed\n"
                        + "Message-ID: <c9@odd.example>\n" + DATED + TEXT, "unclosed", "malformed_sender", "anna@brightlabs.example"),
                new OddCase("no Date", "From: nodate@odd.example\nSubject: no date\nMessage-ID: <c10@odd.example>\n" + TEXT,
                        "no date", "missing_date", "nodate@odd.example"),
                new OddCase("no Message-ID", "From: noid@odd.example\nSubject: no id\n" + DATED + TEXT,
                        "no id", "missing_message_id", "noid@odd.example"),
                new OddCase("undecodable encoded-words", "From: =?x-klingon?Q?Anna?= <enc@odd.example>\n"
                        + "Subject: =?utf-8?B?!!!notbase64?=\nMessage-ID: <c12@odd.example>\n" + DATED + TEXT,
                        "=?utf-8?B?!!!notbase64?=", "undecodable_header", "enc@odd.example"));
    }
}
