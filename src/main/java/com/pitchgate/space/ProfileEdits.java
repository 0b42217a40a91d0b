package com.pitchgate.space;

import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What managers change of their profiles on the review pages: what the space needs and does not
 * want, what each member is open to and interested in. Edits are kept in the store and laid over
 * the profiles of config.yml, which stay the base: an edit replaces one field's whole list. The
 * directory then holds the edited profile, so the next screening reads it (the analyser rebuilds
 * its index of a profile when the profile changes).
 */
public final class ProfileEdits {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileEdits.class);

    /** The subject of a space's own fields. */
    public static final String SPACE = "";

    /** A field that may be edited, and whether it is the space's or a member's. */
    public enum Field {
        NEEDS("needs", true), NOT_WANTED("notWanted", true), OPEN_TO("openTo", false), INTERESTS("interests", false);

        private final String id;
        private final boolean ofSpace;

        Field(String id, boolean ofSpace) {
            this.id = id;
            this.ofSpace = ofSpace;
        }

        public String id() {
            return id;
        }

        public boolean ofSpace() {
            return ofSpace;
        }

        public static Optional<Field> fromId(String id) {
            return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
        }
    }

    private final ProfileEditStore stored;
    private final SpaceDirectory spaces;
    private final Clock clock;
    /** The profiles as configured, which edits are laid over. */
    private final Map<String, SpaceProfile> configured = new LinkedHashMap<>();

    public ProfileEdits(ProfileEditStore stored, SpaceDirectory spaces, Clock clock) {
        this.stored = stored;
        this.spaces = spaces;
        this.clock = clock;
        spaces.all().forEach(space -> configured.put(space.id(), space.profile()));
    }

    /**
     * Lays the stored edits over the configured profiles; a space whose profile comes out different
     * is replaced in the directory. Run at start, and now and then to see other instances' edits.
     */
    public synchronized void refresh() {
        Map<String, SpaceProfile> edited = new LinkedHashMap<>(configured);
        for (ProfileEditStore.Edit row : stored.all()) {
            SpaceProfile profile = edited.get(row.spaceId());
            Optional<Field> field = Field.fromId(row.field());
            if (profile == null || field.isEmpty()
                    || (!row.subject().equals(SPACE) && profile.member(row.subject()).isEmpty())) {
                LOG.warn("profile edit of {}/{}/{} no longer matches config.yml: ignored", row.spaceId(), row.subject(),
                        row.field());
                continue;
            }
            edited.put(row.spaceId(), apply(profile, row.subject(), field.get(), row.phrases()));
        }
        edited.forEach((id, profile) -> spaces.find(id).filter(space -> !space.profile().equals(profile))
                .ifPresent(space -> spaces.replace(space.withProfile(profile))));
    }

    /**
     * Replaces one field of a space's or a member's profile, and puts the result in use.
     *
     * @param subject {@link #SPACE} or a member's id
     * @param phrases the field's new list: blank entries and repeats are dropped
     */
    public synchronized SpaceProfile edit(String spaceId, String subject, Field field, List<String> phrases, String actor) {
        Space space = spaces.find(spaceId).orElseThrow(() -> new IllegalArgumentException("no space '" + spaceId + "'"));
        if (field.ofSpace() != subject.equals(SPACE)
                || (!subject.equals(SPACE) && space.profile().member(subject).isEmpty())) {
            throw new IllegalArgumentException(field.id() + " is not a field of '" + subject + "' in " + spaceId);
        }
        List<String> cleaned = clean(phrases);
        stored.save(new ProfileEditStore.Edit(spaceId, subject, field.id(), cleaned, actor, clock.millis()));
        refresh();
        return spaces.find(spaceId).orElseThrow().profile();
    }

    private static List<String> clean(List<String> phrases) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String stripped = phrase.strip().replaceAll("\\s+", " ");
            if (!stripped.isEmpty()) {
                kept.add(stripped);
            }
        }
        return List.copyOf(kept);
    }

    static SpaceProfile apply(SpaceProfile p, String subject, Field field, List<String> value) {
        return switch (field) {
            case NEEDS -> new SpaceProfile(p.id(), p.name(), p.languages(), p.description(), value, p.notWanted(),
                    p.keywords(), p.members(), p.allow(), p.block());
            case NOT_WANTED -> new SpaceProfile(p.id(), p.name(), p.languages(), p.description(), p.needs(), value,
                    p.keywords(), p.members(), p.allow(), p.block());
            case OPEN_TO, INTERESTS -> {
                List<MemberProfile> members = new ArrayList<>();
                for (MemberProfile m : p.members()) {
                    members.add(!m.id().equals(subject) ? m : field == Field.OPEN_TO
                            ? new MemberProfile(m.id(), m.name(), m.email(), m.skills(), m.interests(), value)
                            : new MemberProfile(m.id(), m.name(), m.email(), m.skills(), value, m.openTo()));
                }
                yield new SpaceProfile(p.id(), p.name(), p.languages(), p.description(), p.needs(), p.notWanted(),
                        p.keywords(), members, p.allow(), p.block());
            }
        };
    }
}
