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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What policies may know about one space while screening one pitch, read from the CRM. One context
 * serves one pitch: the space's known contacts are asked of the CRM once for it ({@link KnownContacts},
 * which the store reads again only when they change), and each person named is looked up once: the
 * intro policy asks again for the names a pitch gives as intermediary and mentions.
 * The members' name words are read once per profile.
 */
public final class CrmContext implements ScreeningContext {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");

    private final SpaceProfile space;
    private final CrmMemory crm;
    private final Instant now;
    /** The answers given so far for this pitch, by name. */
    private final Map<String, Optional<KnownContact>> peopleByName = new ConcurrentHashMap<>();
    /** Asked of the CRM when first needed: a pitch from a stranger that names nobody never needs them. */
    private volatile KnownContacts known;

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
        return known().byAddress(address).map(CrmContext::contact);
    }

    private KnownContacts known() {
        KnownContacts read = known;
        if (read == null) {
            read = crm.knownContacts(space.id());
            known = read;
        }
        return read;
    }

    private static KnownContact contact(KnownContacts.Contact contact) {
        return new KnownContact("contact", contact.name(), contact.email(), Optional.empty());
    }

    @Override
    public Optional<KnownContact> personByName(String name) {
        return name == null ? lookUpPersonByName(name) : remembered(peopleByName, name, this::lookUpPersonByName);
    }

    private Optional<KnownContact> lookUpPersonByName(String name) {
        Set<String> wanted = nameTokens(name);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<KnownContact> matches = new ArrayList<>();
        List<SpaceProfile.MemberProfile> members = space.members();
        List<Set<String>> memberTokens = MemberNameTokens.of(space);
        for (int i = 0; i < members.size(); i++) {
            SpaceProfile.MemberProfile member = members.get(i);
            if (memberTokens.get(i).containsAll(wanted)) {
                matches.add(new KnownContact("member", member.name(), member.email(), Optional.of(member.id())));
            }
        }
        for (KnownContacts.Contact contact : known().calledBy(wanted)) {
            if (!isAmong(contact.email(), matches)) {
                matches.add(contact(contact));
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
        return known().atDomain(wanted).map(CrmContext::contact);
    }

    @Override
    public Optional<KnownContact> knownAtOrganisationNamed(String name) {
        String wanted = name.strip();
        if (wanted.length() < 3) {
            return Optional.empty();
        }
        return known().ofOrganisation(wanted.toLowerCase(Locale.ROOT)).map(CrmContext::contact);
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

    private static boolean isAmong(String email, List<KnownContact> matches) {
        for (KnownContact match : matches) {
            if (match.email().equals(email)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer already given for this key, or the one looked up now. Two policy threads asking at once
     * (one that ran past its time budget is not stopped) both get the first answer kept.
     */
    private static Optional<KnownContact> remembered(Map<String, Optional<KnownContact>> answers, String key,
            Function<String, Optional<KnownContact>> lookUp) {
        Optional<KnownContact> known = answers.get(key);
        if (known != null) {
            return known;
        }
        Optional<KnownContact> found = lookUp.apply(key);
        Optional<KnownContact> first = answers.putIfAbsent(key, found);
        return first == null ? found : first;
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

    /**
     * The words of a name, accents and case folded: "Jean-Luc Ménard" gives jean, luc and menard. A name
     * in Latin-1 (most are) is folded a character at a time, as the Normalizer and regexes would.
     */
    static Set<String> nameTokens(String name) {
        String latin1Folded = foldedLatin1(name);
        return latin1Folded == null ? foldedNameTokens(name) : words(latin1Folded.toLowerCase(Locale.ROOT).strip());
    }

    /** {@link #nameTokens} by Normalizer and regexes, for any name. */
    static Set<String> foldedNameTokens(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        Set<String> tokens = new HashSet<>(Arrays.asList(SEPARATORS.split(folded.strip())));
        tokens.remove("");
        return tokens;
    }

    /**
     * What each Latin-1 character is once decomposed (NFD) and its marks taken off: 'é' is 'e'. Latin-1
     * holds no combining mark, so NFD orders none in a Latin-1 name: it is each character's own decomposition.
     */
    private static final char[] LATIN1_FOLDED = latin1Folded();

    private static char[] latin1Folded() {
        char[] folded = new char[0x100];
        for (char c = 0; c < 0x100; c++) {
            String decomposed = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
            if (decomposed.length() != 1) {
                throw new IllegalStateException("U+" + Integer.toHexString(c) + " folds to \"" + decomposed + "\"");
            }
            folded[c] = decomposed.charAt(0);
        }
        return folded;
    }

    /** The name with each character folded, when all are Latin-1; null when one is not. */
    private static String foldedLatin1(String name) {
        char[] folded = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x100) {
                return null;
            }
            if (LATIN1_FOLDED[c] != c) {
                if (folded == null) {
                    folded = name.toCharArray();
                }
                folded[i] = LATIN1_FOLDED[c];
            }
        }
        return folded == null ? name : new String(folded);
    }

    /** The runs between {@link #SEPARATORS}, as its split gives them, but the empty ones. */
    private static Set<String> words(String text) {
        Set<String> tokens = new HashSet<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            if (isSeparator(text.charAt(i))) {
                if (start >= 0) {
                    tokens.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    /** What {@link #SEPARATORS} matches: \s (ASCII white space only, as Java's regexes read it), '-' and '.'. */
    private static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '-' || c == '.';
    }

    /**
     * Each member's name words, in the order of the profile's members, read once per profile: every name
     * a pitch mentions is compared with every member's. A profile is replaced, never changed, when a
     * space is edited, so the few last seen are kept by identity.
     */
    static final class MemberNameTokens {

        private static final int KEPT = 16;
        private static volatile Entry[] recent = new Entry[0];

        private record Entry(SpaceProfile profile, List<Set<String>> tokens) {
        }

        static List<Set<String>> of(SpaceProfile profile) {
            Entry[] seen = recent;
            for (Entry entry : seen) {
                if (entry.profile() == profile) {
                    return entry.tokens();
                }
            }
            List<Set<String>> tokens = new ArrayList<>(profile.members().size());
            for (SpaceProfile.MemberProfile member : profile.members()) {
                tokens.add(Set.copyOf(nameTokens(member.name())));
            }
            List<Set<String>> read = List.copyOf(tokens);
            Entry[] kept = new Entry[Math.min(seen.length + 1, KEPT)];
            kept[0] = new Entry(profile, read);
            System.arraycopy(seen, 0, kept, 1, kept.length - 1);
            recent = kept;
            return read;
        }
    }
}
