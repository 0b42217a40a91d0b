package com.pitchgate.store;

/**
 * A decided pitch as training material: its text, the queue it is in now (after any override),
 * whether a person put it there, and the policy whose reason decided it first.
 *
 * @param marks     JSON list
 * @param fit       JSON: the analyser's fit, with the profile phrases matched
 * @param decidedBy the policy of the first decisive reason: {@code router} for a decision on the
 *                  score, otherwise the policy that gave the verdict
 */
public record ExampleRow(long pitchId, String channel, String subject, String body, String language, String marks,
        String attachmentText, String fit, String queue, boolean overridden, String decidedBy) {
}
