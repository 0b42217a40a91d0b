package com.pitchgate.web;

/** What a refused request shows: the status and a sentence saying why. */
public final class ErrorPage extends Page {

    private final int status;
    private final String messageKey;

    public ErrorPage(Messages messages, int status, String messageKey) {
        super("error.ftlh", messages, null, null);
        this.status = status;
        this.messageKey = messageKey;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return messages().get(messageKey);
    }
}
