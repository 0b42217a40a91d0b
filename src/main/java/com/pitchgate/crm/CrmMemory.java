package com.pitchgate.crm;

import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceConfig;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a {@link CrmContext} finds the contacts a space knows and the "no"s it gave: the store while
 * serving (which implements this), or the configuration alone while evaluating, so that a labelled
 * data set is judged the same on any server, whatever its history.
 */
public interface CrmMemory {

    /** The contact writing from this address (in lower case), known or not. */
    Optional<ContactRow> contact(String spaceId, String email);

    /**
     * The contacts the space knows, as they stand now: asked once per pitch, for all that pitch's
     * questions about them.
     */
    KnownContacts knownContacts(String spaceId);

    Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now);

    /** An intro vouching for this address, or else for this organisation. */
    Optional<IntroRow> introFor(String spaceId, String email, String organisation);

    /** The contacts listed in each space's configuration, and no "no"s: no history at all. */
    static CrmMemory configured(Collection<Space> spaces) {
        Map<String, List<ContactRow>> bySpace = spaces.stream().collect(Collectors.toMap(Space::id,
                space -> space.contacts().stream().map(person -> row(space.id(), person)).toList()));
        Map<String, KnownContacts> known = bySpace.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> KnownContacts.of(entry.getValue().stream()
                        .map(row -> new KnownContacts.Contact(row.email(), row.name(), row.organisation(), List.of(row.email())))
                        .toList())));
        return new CrmMemory() {
            @Override
            public Optional<ContactRow> contact(String spaceId, String email) {
                return bySpace.getOrDefault(spaceId, List.of()).stream().filter(row -> row.email().equals(email)).findFirst();
            }

            @Override
            public KnownContacts knownContacts(String spaceId) {
                return known.getOrDefault(spaceId, KnownContacts.NONE);
            }

            @Override
            public Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now) {
                return Optional.empty();
            }

            @Override
            public Optional<IntroRow> introFor(String spaceId, String email, String organisation) {
                return Optional.empty();
            }
        };
    }

    private static ContactRow row(String spaceId, SpaceConfig.Person person) {
        return new ContactRow(0, spaceId, person.email().toLowerCase(Locale.ROOT), person.name(), person.organisation(),
                true, 0, 0);
    }
}
