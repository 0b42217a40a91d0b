package com.pitchgate.web;

import com.pitchgate.spi.SpaceProfile;

/** The space's profile and its members', with what they need and do not want, editable. */
public final class ProfilePage extends Page {

    private final SpaceProfile profile;
    private final String notice;

    public ProfilePage(Messages messages, WebSession session, SpaceProfile profile, String notice) {
        super("profile.ftlh", messages, session, profile.name());
        this.profile = profile;
        this.notice = notice;
    }

    public SpaceProfile getProfile() {
        return profile;
    }

    public String getNotice() {
        return notice;
    }

    /** A list as the text of a textarea, one phrase a line. */
    public static String lines(java.util.List<String> phrases) {
        return String.join("\n", phrases);
    }

    public String getNeeds() {
        return lines(profile.needs());
    }

    public String getNotWanted() {
        return lines(profile.notWanted());
    }
}
