package com.pitchgate.crm;

import com.pitchgate.analyze.Organisations;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What policies may know about one space while screening one pitch, read from the CRM. */
public final class CrmContext implements ScreeningContext {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");

    private final SpaceProfile space;
    private final CrmMemory crm;
    private final Instant now;

    public CrmContext(SpaceProfile space, CrmMemory crm, Instant now) {
        this.space = space;
        this.crm = crm;
        this.now = now;
    }

    @Override
    public SpaceProfile space() {
        return space;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Optional<KnownContact> contactByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String address = email.toLowerCase(Locale.ROOT);
        for (SpaceProfile.MemberProfile member : space.members()) {
            if (member.email().equals(address)) {
                return Optional.of(new KnownContact("member", member.name(), member.email(), Optional.of(member.id())));
            }
        }
        return crm.contact(space.id(), address)
                .filter(ContactRow::known)
                .map(row -> new KnownContact("contact", row.name(), row.email(), Optional.empty()));
    }

    @Override
    public Optional<KnownContact> personByName(String name) {
        Set<String> wanted = nameTokens(name);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<KnownContact> matches = new ArrayList<>();
        for (SpaceProfile.MemberProfile member : space.members()) {
            if (nameTokens(member.name()).containsAll(wanted)) {
                matches.add(new KnownContact("member", member.name(), member.email(), Optional.of(member.id())));
            }
        }
        for (ContactRow row : crm.knownContacts(space.id(), longestAscii(wanted))) {
            boolean alreadyMember = matches.stream().anyMatch(m -> m.email().equals(row.email()));
            if (!alreadyMember && nameTokens(row.name()).containsAll(wanted)) {
                matches.add(new KnownContact("contact", row.name(), row.email(), Optional.empty()));
            }
        }
        // Two people called Marie: naming "Marie" vouches for neither.
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    @Override
    public Optional<KnownContact> knownAtOrganisation(String domain) {
        String wanted = domain.toLowerCase(Locale.ROOT);
        if (Organisations.ofDomain(wanted).isEmpty()) {
            return Optional.empty();
        }
        for (SpaceProfile.MemberProfile member : space.members()) {
            if (member.email().endsWith("@" + wanted)) {
                return Optional.of(new KnownContact("member", member.name(), member.email(), Optional.of(member.id())));
            }
        }
        return crm.knownContactAtDomain(space.id(), wanted)
                .map(row -> new KnownContact("contact", row.name(), row.email(), Optional.empty()));
    }

    @Override
    public Optional<KnownContact> knownAtOrganisationNamed(String name) {
        String wanted = name.strip();
        if (wanted.length() < 3) {
            return Optional.empty();
        }
        return crm.knownContactOfOrganisation(space.id(), wanted.toLowerCase(Locale.ROOT))
                .map(row -> new KnownContact("contact", row.name(), row.email(), Optional.empty()));
    }

    @Override
    public Optional<StandingDecline> standingDecline(String email, Optional<String> organisation) {
        if (address(email).isEmpty() && organisation(organisation).isEmpty()) {
            return Optional.empty();
        }
        return crm.standingDecline(space.id(), address(email).orElse(null), organisation(organisation).orElse(null), now.toEpochMilli())
                .map(row -> new StandingDecline(row.scope(), row.value(), Instant.ofEpochMilli(row.declinedAt()),
                        Instant.ofEpochMilli(row.expiresAt()), row.pitchId() == null ? 0 : row.pitchId()));
    }

    @Override
    public Optional<Introduction> introducerOf(String email, Optional<String> organisation) {
        Optional<String> address = address(email);
        if (address.isEmpty() && organisation(organisation).isEmpty()) {
            return Optional.empty();
        }
        return crm.introFor(space.id(), address.orElse(null), organisation(organisation).orElse(null))
                .map(row -> row.personEmail() != null && address.isPresent() && row.personEmail().equals(address.get())
                        ? new Introduction(row.introducerName(), row.introducerKind(), "person", row.personEmail())
                        : new Introduction(row.introducerName(), row.introducerKind(), "organisation", row.organisation()));
    }

    /**
     * The address to look up, in lower case; none for a pitch that named no sender, so that it never
     * matches a "no", an intro or a contact recorded with an empty address.
     */
    private static Optional<String> address(String email) {
        return Optional.ofNullable(email).filter(e -> !e.isBlank()).map(e -> e.toLowerCase(Locale.ROOT));
    }

    private static Optional<String> organisation(Optional<String> organisation) {
        return organisation == null ? Optional.empty() : organisation.filter(o -> !o.isBlank());
    }

    /** The longest of these words that is ASCII, which the store can look for in names; null when none is. */
    private static String longestAscii(Set<String> words) {
        String longest = null;
        for (String word : words) {
            if (word.chars().allMatch(c -> c < 0x80) && (longest == null || word.length() > longest.length())) {
                longest = word;
            }
        }
        return longest;
    }

    static Set<String> nameTokens(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> tokens = new HashSet<>(Arrays.asList(SEPARATORS.split(folded.strip())));
        tokens.remove("");
        return tokens;
    }
}
