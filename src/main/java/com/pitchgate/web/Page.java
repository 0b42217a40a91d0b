package com.pitchgate.web;

import io.dropwizard.views.common.View;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What every review page shows: its words in the chosen language, who is signed in to which space,
 * and the CSRF token its forms send back. Templates are FreeMarker with HTML auto-escaping
 * ({@code .ftlh}), so every value is escaped unless a template says otherwise (none does).
 */
public abstract class Page extends View {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Messages messages;
    private final WebSession session;
    private final String spaceName;

    /** @param session null on the sign-in page */
    protected Page(String template, Messages messages, WebSession session, String spaceName) {
        super(template, StandardCharsets.UTF_8);
        this.messages = messages;
        this.session = session;
        this.spaceName = spaceName;
    }

    public Map<String, String> getT() {
        return messages.words();
    }

    public String getLang() {
        return messages.language();
    }

    public boolean isSignedIn() {
        return session != null;
    }

    public String getCsrf() {
        return session == null ? "" : session.csrf();
    }

    public String getActor() {
        return session == null ? "" : session.actor();
    }

    public String getSpaceName() {
        return spaceName == null ? "" : spaceName;
    }

    protected Messages messages() {
        return messages;
    }

    /** Times are shown in UTC, as the API gives them. */
    static String dayTime(long epochMillis) {
        return DAY_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
