package com.pitchgate.web;

import java.util.List;

/** The sign-in form: a space, and a manager or admin key of that space (no key when auth is off). */
public final class SignInPage extends Page {

    private final List<SpaceOption> spaces;
    private final boolean keyRequired;
    private final String formToken;
    private final String error;

    public SignInPage(Messages messages, List<SpaceOption> spaces, boolean keyRequired, String formToken, String error) {
        super("signin.ftlh", messages, null, null);
        this.spaces = spaces;
        this.keyRequired = keyRequired;
        this.formToken = formToken;
        this.error = error;
    }

    public List<SpaceOption> getSpaces() {
        return spaces;
    }

    public boolean isKeyRequired() {
        return keyRequired;
    }

    /** The sign-in form's own CSRF token, also in a cookie (double submit): there is no session yet. */
    public String getFormToken() {
        return formToken;
    }

    public String getError() {
        return error;
    }

    public record SpaceOption(String id, String name) {
    }
}
