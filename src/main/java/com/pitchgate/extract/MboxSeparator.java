package com.pitchgate.extract;

/**
 * The "From " line an mbox file puts before each message (RFC 4155). It is framing, not a header:
 * files exported from mailboxes, and corpora such as SpamAssassin's, keep it at the top of each
 * message. Mail filters set it aside and read the message that follows; so does Pitchgate.
 */
public final class MboxSeparator {

    private static final byte[] FROM_ = {'F', 'r', 'o', 'm', ' '};

    private MboxSeparator() {
    }

    /** The length of the separator line at the start of {@code raw}, its line ending included; 0 when there is none. */
    public static int length(byte[] raw) {
        if (raw.length < FROM_.length) {
            return 0;
        }
        for (int i = 0; i < FROM_.length; i++) {
            if (raw[i] != FROM_[i]) {
                return 0;
            }
        }
        for (int i = FROM_.length; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return raw.length;
    }
}
