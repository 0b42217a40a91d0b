package com.pitchgate.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.ScreeningContext.KnownContact;
import com.pitchgate.spi.SpaceProfile;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Names and addresses looked up as before: the same words of a name, the known contacts asked once per pitch. */
class CrmContextTest {

    private static final String SPACE = "atelier";
    private static final SpaceProfile PROFILE = new SpaceProfile(SPACE, "Atelier", List.of("fr"), "", List.of(), List.of(),
            List.of(), List.of(member("m1", "Claire Dubois", "claire@atelier.example"),
                    member("m2", "Jean-Luc Ménard", "jl@atelier.example"),
                    member("m3", "Marie Curie", "marie@atelier.example")),
            List.of(), List.of());

    @Test
    void nameWordsAreTheRegexOnes() {
        List<String> names = new ArrayList<>(List.of("", " ", "Marie", "marie DUPONT", "Jean-Luc Ménard", "J.-L. Ménard",
                "  Anne\tMarie\n", "-Anne-", "..", "Zoë Ångström", "Ｍａｒｉｅ", "İsmail", "straße", "Marie\u00a0Dupont",
                "\u001cMarie\u001f", "a\u000bb\fc\rd", "Dupont\u2003Marie", "e\u0301tienne", "x".repeat(5_000) + " y",
                "O'Brien", "van der Berg", "Ǆemal"));
        Random random = new Random(23);
        String alphabet = "aZé- .\t\u000b\u001c\u00a0\u2003'\u0301İßq\n";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }
        for (char c = 0; c < 0x180; c++) {
            names.add(String.valueOf(c));
            names.add("É" + c + "lodie " + c + "Ñ" + c);
        }
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = random.nextInt(16); length > 0; length--) {
                name.append((char) (random.nextInt(8) == 0 ? 0x20 : random.nextInt(0x180)));
            }
            names.add(name.toString());
        }
        for (String name : names) {
            assertThat(CrmContext.nameTokens(name)).as(name).isEqualTo(regexNameTokens(name));
        }
    }

    @Test
    void aKnownContactIsCalledByTheWordsItsNameHolds() {
        List<String> names = new ArrayList<>(List.of("Jean-Luc Ménard", "jean luc", "Chloé Dubois", "Zoë", "Ｍａｒｉｅ Dupont", "",
                "  ", "Lefèvre", "Marie-Hélène Lefèvre-Duval", "marie.dupont", "Éloïse\u00a0Roux", "Ǆemal Kovač", "x".repeat(3_000)));
        List<String> looked = new ArrayList<>(List.of("Jean", "Ménard", "jean-luc MENARD", "Dubois", "Chloe", "chlo", "Zoe", "Marie",
                "Marie Dupont", "Lefevre", "Duval Marie", "dupont", "Éloïse", "eloise\u00a0roux", "Kovac", "Džemal", "x".repeat(3_000),
                "ean"));
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String name = randomName(random);
            names.add(name);
            looked.add(random.nextBoolean() ? randomName(random) : name.substring(random.nextInt(name.length() + 1)));
        }
        List<KnownContacts.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            contacts.add(new KnownContacts.Contact("c" + i + "@example.org", names.get(i), null, List.of("c" + i + "@example.org")));
        }
        KnownContacts known = KnownContacts.of(contacts);
        for (String words : looked) {
            Set<String> wanted = regexNameTokens(words);
            List<KnownContacts.Contact> expected = wanted.isEmpty() ? List.of()
                    : contacts.stream().filter(contact -> regexNameTokens(contact.name()).containsAll(wanted)).toList();
            assertThat(known.calledBy(wanted)).as(words).containsExactlyElementsOf(expected);
        }
    }

    private static String randomName(Random random) {
        String alphabet = "abéÉe -.\u00a0ç\u0301İ";
        StringBuilder name = new StringBuilder();
        for (int length = random.nextInt(10); length > 0; length--) {
            name.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    @Test
    void theKnownContactsAreAskedOncePerPitchAndAnswerEachQuestion() {
        CountingMemory memory = new CountingMemory(List.of(contact("paul@studio.example", "Paul Girard", "Studio Girard"),
                contact("marie@other.example", "Marie Lambert", null), contact("marie.l@studio.example", "Marie Lenoir", "STUDIO girard")));
        CrmContext context = new CrmContext(PROFILE, memory, Instant.EPOCH);

        assertThat(context.contactByEmail("claire@atelier.example")).map(KnownContact::kind).contains("member");
        assertThat(memory.asked).as("a member's address is no contact's").isZero();
        assertThat(context.personByName("Jean-Luc")).map(KnownContact::email).contains("jl@atelier.example");
        for (int time = 0; time < 3; time++) {
            assertThat(context.personByName("Paul")).map(KnownContact::email).contains("paul@studio.example");
            assertThat(context.personByName("Marie")).as("two Maries vouch for neither").isEmpty();
            assertThat(context.personByName("marie lambert")).map(KnownContact::email).contains("marie@other.example");
            assertThat(context.contactByEmail("Paul@Studio.example")).map(KnownContact::kind).contains("contact");
            assertThat(context.contactByEmail("paul@studio.example")).map(KnownContact::kind).contains("contact");
            assertThat(context.contactByEmail("nobody@else.example")).isEmpty();
            assertThat(context.knownAtOrganisationNamed(" studio GIRARD ")).as("the first of the organisation")
                    .map(KnownContact::name).contains("Paul Girard");
            assertThat(context.knownAtOrganisation("Studio.Example")).map(KnownContact::name).contains("Paul Girard");
            assertThat(context.knownAtOrganisation("else.example")).isEmpty();
        }
        assertThat(memory.asked).isEqualTo(1);

        CrmContext nextPitch = new CrmContext(PROFILE, memory, Instant.EPOCH);
        assertThat(nextPitch.personByName("Paul")).isPresent();
        assertThat(memory.asked).isEqualTo(2);
    }

    @Test
    void aMemberIsFoundByTheWordsOfTheirNameInAnyCaseAndAccent() {
        CrmContext context = new CrmContext(PROFILE, new CountingMemory(List.of()), Instant.EPOCH);

        assertThat(context.personByName("jean-luc MENARD")).map(KnownContact::email).contains("jl@atelier.example");
        assertThat(context.personByName("Dubois")).map(KnownContact::email).contains("claire@atelier.example");
        assertThat(context.personByName("Claire Martin")).isEmpty();
        assertThat(context.personByName(" - ")).isEmpty();
    }

    /** CrmContext.nameTokens as it was written first, for any name. */
    private static Set<String> regexNameTokens(String name) {
        String folded = Pattern.compile("\\p{M}+").matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<String> tokens = new HashSet<>(Arrays.asList(Pattern.compile("[\\s\\-.]+").split(folded.strip())));
        tokens.remove("");
        return tokens;
    }

    private static SpaceProfile.MemberProfile member(String id, String name, String email) {
        return new SpaceProfile.MemberProfile(id, name, email, List.of(), List.of(), List.of());
    }

    private static ContactRow contact(String email, String name, String organisation) {
        return new ContactRow(0, SPACE, email, name, organisation, true, 0, 0);
    }

    private static final class CountingMemory implements CrmMemory {

        private final KnownContacts contacts;
        int asked;

        CountingMemory(List<ContactRow> contacts) {
            this.contacts = KnownContacts.of(contacts.stream()
                    .map(row -> new KnownContacts.Contact(row.email(), row.name(), row.organisation(), List.of(row.email())))
                    .toList());
        }

        @Override
        public Optional<ContactRow> contact(String spaceId, String email) {
            throw new AssertionError("screening asks for known contacts only");
        }

        @Override
        public KnownContacts knownContacts(String spaceId) {
            asked++;
            return contacts;
        }

        @Override
        public Optional<DeclineRow> standingDecline(String spaceId, String email, String organisation, long now) {
            return Optional.empty();
        }

        @Override
        public Optional<IntroRow> introFor(String spaceId, String email, String organisation) {
            return Optional.empty();
        }
    }
}
