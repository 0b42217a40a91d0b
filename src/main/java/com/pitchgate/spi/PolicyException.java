package com.pitchgate.spi;

/** Thrown by {@link Policy#init} when its configuration cannot be used. */
public class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
