package com.pitchgate.outbound;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When not to answer a pitch, whatever its queue: an automatic reply must never feed a mailing
 * list, an auto-responder, a no-reply robot, a forged address, or someone already answered.
 * Each guard says why it holds the reply back.
 */
final class ReplyGuards {

    private static final Pattern NO_REPLY = Pattern.compile(
            "^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|notifications?|noreply-.*|.*-noreply)(?:[+.-].*)?$");
    private static final Pattern DMARC_FAIL = Pattern.compile("\\bdmarc\\s*=\\s*fail\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPF_FAIL = Pattern.compile("\\bspf\\s*=\\s*(?:fail|softfail)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DKIM_PASS = Pattern.compile("\\bdkim\\s*=\\s*pass\\b", Pattern.CASE_INSENSITIVE);

    private ReplyGuards() {
    }

    /** Why no reply may be sent to this pitch's sender, or empty when one may. */
    static Optional<String> withhold(ReplyFacts pitch, boolean replyToForms, boolean answeredWithinCoolDown) {
        if (!pitch.sender().hasEmail() || pitch.sender().email().indexOf('@') <= 0) {
            return Optional.of("no sender address to answer");
        }
        if (pitch.channel().equals("form") && !replyToForms) {
            return Optional.of("web-form addresses are not verified (outbound.replyToForms is off)");
        }
        Optional<String> precedence = pitch.header("Precedence").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> List.of("bulk", "list", "junk").contains(v));
        if (precedence.isPresent()) {
            return Optional.of("bulk mail (Precedence: " + precedence.get() + ")");
        }
        if (pitch.header("List-Unsubscribe").isPresent() || pitch.header("List-Id").isPresent()) {
            return Optional.of("mailing-list mail (List-Unsubscribe or List-Id header)");
        }
        Optional<String> autoSubmitted = pitch.header("Auto-Submitted").map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.startsWith("no"));
        if (autoSubmitted.isPresent()) {
            return Optional.of("automatic mail (Auto-Submitted: " + autoSubmitted.get() + ")");
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress")) {
            if (pitch.header(header).isPresent()) {
                return Optional.of("automatic mail (" + header + " header)");
            }
        }
        if (pitch.header("Return-Path").map(String::strip).filter(v -> v.equals("<>")).isPresent()) {
            return Optional.of("a bounce (empty Return-Path)");
        }
        String local = pitch.sender().email().substring(0, pitch.sender().email().indexOf('@'));
        if (NO_REPLY.matcher(local).matches()) {
            return Optional.of("a no-reply address (" + pitch.sender().email() + ")");
        }
        Optional<String> authentication = unauthenticated(pitch);
        if (authentication.isPresent()) {
            return authentication;
        }
        if (answeredWithinCoolDown) {
            return Optional.of("this sender was already answered within the cool-down");
        }
        return Optional.empty();
    }

    private static Optional<String> unauthenticated(ReplyFacts pitch) {
        List<String> results = pitch.guardHeaders().getOrDefault("authentication-results", List.of());
        for (String result : results) {
            if (DMARC_FAIL.matcher(result).find()) {
                return Optional.of("the sender failed authentication (dmarc=fail)");
            }
            if (SPF_FAIL.matcher(result).find() && !DKIM_PASS.matcher(result).find()) {
                return Optional.of("the sender failed authentication (spf fail, no dkim pass)");
            }
        }
        if (pitch.header("Received-SPF").map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> v.startsWith("fail")).isPresent()
                && results.stream().noneMatch(r -> DKIM_PASS.matcher(r).find())) {
            return Optional.of("the sender failed authentication (Received-SPF: fail)");
        }
        return Optional.empty();
    }
}
