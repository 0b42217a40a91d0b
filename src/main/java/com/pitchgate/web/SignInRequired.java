package com.pitchgate.web;

/** No session, or an expired one: the browser is sent to the sign-in page. */
public final class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super("sign-in required", null, false, false);
    }
}
