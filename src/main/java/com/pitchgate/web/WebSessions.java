package com.pitchgate.web;

import com.pitchgate.access.ApiKeys;
import com.pitchgate.access.Role;
import com.pitchgate.store.StoredWebSessions;
import com.pitchgate.store.WebSessionDao.SessionRow;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-in sessions: a random 256-bit token in an HttpOnly, SameSite=Lax cookie scoped to
 * {@code /ui}; the store keeps only its SHA-256, with the session's space, actor, role and CSRF token.
 */
public final class WebSessions {

    public static final String COOKIE = "pg_session";
    static final String PATH = "/ui";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoredWebSessions stored;
    private final Clock clock;
    private final Duration timeout;
    private final boolean secureCookie;

    public WebSessions(StoredWebSessions stored, Clock clock, WebConfig config) {
        this.stored = stored;
        this.clock = clock;
        this.timeout = Duration.ofMillis(config.sessionTimeout.toMilliseconds());
        this.secureCookie = config.secureCookie;
    }

    /** A new session; the token goes in the cookie and nowhere else. */
    public Opened open(String spaceId, String actor, Role role) {
        String token = randomToken();
        long now = clock.millis();
        stored.add(new SessionRow(ApiKeys.hash(token), spaceId, actor, role.id(), randomToken(), now,
                now + timeout.toMillis()));
        return new Opened(token, cookie(token, (int) timeout.toSeconds()));
    }

    public Optional<WebSession> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return stored.find(ApiKeys.hash(token), clock.millis())
                .map(row -> new WebSession(row.tokenHash(), row.spaceId(), row.actor(),
                        Role.fromId(row.role()).orElseThrow(), row.csrf()));
    }

    public void close(WebSession session) {
        stored.remove(session.tokenHash());
    }

    /** Tells the browser to forget its session cookie. */
    public NewCookie expiredCookie() {
        return cookie("", 0);
    }

    /** A cookie of the review pages (the session's, or the sign-in form's CSRF token). */
    NewCookie cookie(String name, String value, int maxAgeSeconds) {
        return new NewCookie.Builder(name).value(value).path(PATH).maxAge(maxAgeSeconds).httpOnly(true)
                .secure(secureCookie).sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie cookie(String token, int maxAgeSeconds) {
        return cookie(COOKIE, token, maxAgeSeconds);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A session just opened, and the cookie that carries it. */
    public record Opened(String token, NewCookie cookie) {
    }
}
