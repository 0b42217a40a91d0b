package com.pitchgate.space;

import com.pitchgate.spi.SpaceProfile;
import java.util.List;
import java.util.Locale;

/**
 * A space as the server uses it: the profile policies read, and what only the server needs (the
 * manager's address, the contacts to seed the CRM with, the addresses pitches are sent to).
 */
public record Space(SpaceProfile profile, SpaceConfig.Person manager, List<SpaceConfig.Person> contacts,
        List<String> addresses) {

    public String id() {
        return profile.id();
    }

    /** The same space with another profile (edited on the review pages). */
    public Space withProfile(SpaceProfile edited) {
        return new Space(edited, manager, contacts, addresses);
    }

    public static Space of(SpaceConfig config) {
        List<SpaceProfile.MemberProfile> members = config.members().stream()
                .map(m -> new SpaceProfile.MemberProfile(m.id(), m.name(), m.email().toLowerCase(Locale.ROOT),
                        m.skills(), m.interests(), m.openTo()))
                .toList();
        SpaceProfile profile = new SpaceProfile(config.id(), config.name(), config.languages(), config.description(),
                config.needs(), config.notWanted(), config.keywords(), members, lower(config.allow()), lower(config.block()));
        return new Space(profile, config.manager(), config.contacts(), lower(config.addresses()));
    }

    private static List<String> lower(List<String> entries) {
        return entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
