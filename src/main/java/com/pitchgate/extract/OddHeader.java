package com.pitchgate.extract;

/**
 * Something about a message's headers that mail filters let through and screening must not trip
 * on: no sender, several, no Date, words that cannot be decoded. The message is stored and decided
 * all the same; each becomes a reason on the decision, so that whoever reads it knows.
 *
 * @param signal the reason's signal, e.g. {@link #MISSING_SENDER}
 * @param detail what was found, quoting the header where it helps
 */
public record OddHeader(String signal, String detail) {

    /** No usable address in From, Sender or Return-Path: there is nobody to answer. */
    public static final String MISSING_SENDER = "missing_sender";
    /** No usable address in From; the sender was read from Sender or Return-Path instead. */
    public static final String SENDER_NOT_IN_FROM = "sender_not_in_from";
    /** From names several addresses (or there are several From headers); the first is the sender. */
    public static final String SEVERAL_SENDERS = "several_senders";
    /** From is malformed; an address was picked out of its text. */
    public static final String MALFORMED_SENDER = "malformed_sender";
    public static final String MISSING_DATE = "missing_date";
    public static final String MISSING_MESSAGE_ID = "missing_message_id";
    /** Encoded-words (RFC 2047) that could not be decoded: the header is kept as written. */
    public static final String UNDECODABLE_HEADER = "undecodable_header";

    /**
     * Whether it leaves in doubt who wrote the message. Nobody is then answered automatically: a
     * reply would go to no one, to the wrong one, or to an address guessed at.
     */
    public boolean doubtsSender() {
        return switch (signal) {
            case MISSING_SENDER, SENDER_NOT_IN_FROM, SEVERAL_SENDERS, MALFORMED_SENDER -> true;
            default -> false;
        };
    }
}
