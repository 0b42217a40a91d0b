package com.pitchgate.web;

/** A review page that cannot be shown or a form that is refused: answered with a small HTML page, not JSON. */
public final class PageRefusal extends RuntimeException {

    private final int status;
    private final String messageKey;

    /** @param messageKey the words to show, from the message bundles */
    public PageRefusal(int status, String messageKey) {
        super(status + " " + messageKey, null, false, false);
        this.status = status;
        this.messageKey = messageKey;
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
