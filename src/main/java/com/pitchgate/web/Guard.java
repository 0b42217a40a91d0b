package com.pitchgate.web;

import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The checks every review page makes: a live session (else to the sign-in page) and, for a form,
 * its CSRF token (else 403). A session sees its own space only.
 */
public final class Guard {

    private final WebSessions sessions;
    private final SpaceDirectory spaces;

    public Guard(WebSessions sessions, SpaceDirectory spaces) {
        this.sessions = sessions;
        this.spaces = spaces;
    }

    public WebSession session(String cookie) {
        return sessions.find(cookie).orElseThrow(SignInRequired::new);
    }

    /** For a POST: the session, if the form carries the session's CSRF token. */
    public WebSession form(String cookie, String csrf) {
        WebSession session = session(cookie);
        if (!session.csrfMatches(csrf)) {
            throw new PageRefusal(403, "error_csrf");
        }
        return session;
    }

    /** The session's space, as it is now (its profile may have been edited since sign-in). */
    public Space space(WebSession session) {
        // A space removed from config.yml since sign-in: the session is of no use any more.
        return spaces.find(session.spaceId()).orElseThrow(SignInRequired::new);
    }

    public Messages messages(HttpHeaders headers, Space space) {
        return Messages.choose(headers.getAcceptableLanguages(), space.profile().languages());
    }

    public SpaceDirectory spaces() {
        return spaces;
    }

    public WebSessions sessions() {
        return sessions;
    }
}
