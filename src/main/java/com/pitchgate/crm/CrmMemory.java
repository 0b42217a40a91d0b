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

    Optional<ContactRow> contact(String spaceId, String email);

    /**
     * The contacts the space knows, with a name, that may be called by {@code word} (lower case, or
     * null for all of them): those whose name holds it in any case, and those whose name is not ASCII,
     * which only folding accents can tell. A space may know thousands; a pitch names one.
     */
    List<ContactRow> knownContacts(String spaceId, String word);

    /** A known contact with an address at this domain (lower case), if any. */
    Optional<ContactRow> knownContactAtDomain(String spaceId, String domain);

    /** A known contact of the organisation with this name (lower case), if any. */
    Optional<ContactRow> knownContactOfOrganisation(String spaceId, String name);

    Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now);

    /** An intro vouching for this address, or else for this organisation. */
    Optional<IntroRow> introFor(String spaceId, String email, String organisation);

    /** The contacts listed in each space's configuration, and no "no"s: no history at all. */
    static CrmMemory configured(Collection<Space> spaces) {
        Map<String, List<ContactRow>> bySpace = spaces.stream().collect(Collectors.toMap(Space::id,
                space -> space.contacts().stream().map(person -> row(space.id(), person)).toList()));
        return new CrmMemory() {
            @Override
            public Optional<ContactRow> contact(String spaceId, String email) {
                return knownContacts(spaceId, null).stream().filter(row -> row.email().equals(email)).findFirst();
            }

            @Override
            public List<ContactRow> knownContacts(String spaceId, String word) {
                return bySpace.getOrDefault(spaceId, List.of());
            }

            @Override
            public Optional<ContactRow> knownContactAtDomain(String spaceId, String domain) {
                return knownContacts(spaceId, null).stream().filter(row -> row.email().endsWith("@" + domain)).findFirst();
            }

            @Override
            public Optional<ContactRow> knownContactOfOrganisation(String spaceId, String name) {
                return knownContacts(spaceId, null).stream()
                        .filter(row -> row.organisation() != null && row.organisation().toLowerCase(Locale.ROOT).equals(name))
                        .findFirst();
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
