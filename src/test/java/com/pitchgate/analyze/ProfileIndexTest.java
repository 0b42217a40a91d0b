package com.pitchgate.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.Pitch.Fit;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.spi.SpaceProfile.MemberProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileIndexTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final SpaceProfile space = new SpaceProfile("s", "Ruche", List.of("fr", "en"),
            "Coworking pour artisans et designers", List.of("coffee supplier", "fournisseur de café"),
            List.of("SEO"), List.of(), List.of(
                    new MemberProfile("ana", "Ana", "ana@x.example", List.of("illustration"), List.of(),
                            List.of("accounting software", "logiciel de comptabilité")),
                    new MemberProfile("bo", "Bo", "bo@x.example", List.of("carpentry", "menuiserie"), List.of(), List.of())),
            List.of(), List.of());
    private final ProfileIndex index = new ProfileIndex(space, analyzer);

    @Test
    void aNeedMatchesInEitherLanguage() {
        assertThat(fit("Specialty coffee for offices: we roast our coffee every week", "en").matched("needs"))
                .containsExactly("coffee supplier", "fournisseur de café");
        assertThat(fit("Café de spécialité: nous torréfions du café pour les bureaux", "fr").matched("needs")).contains("fournisseur de café");
    }

    @Test
    void aGenericWordAloneMatchesNothing() {
        Fit fit = fit("Our new software helps trucking fleets", "en");
        assertThat(fit.matched("ana.openTo")).isEmpty();
    }

    @Test
    void memberFitIsHighestForTheMemberWhoseFieldItIs() {
        Fit fit = fit("Handmade carpentry and carpentry workshops for oak furniture", "en");
        assertThat(fit.members().get("bo")).isGreaterThan(fit.members().get("ana"));
        assertThat(fit.matched("bo.skills")).contains("carpentry");
    }

    @Test
    void unrelatedTextScoresZero() {
        Fit fit = fit("Cheap flights to Bangkok and Bali this winter", "en");
        assertThat(fit.space()).isZero();
        assertThat(fit.matches()).isEmpty();
    }

    /** The failure class of one shared word: a phrase's words must be there together. */
    @Test
    void aPhraseMatchesOnlyWithItsWordsTogetherNotOnOneSharedWord() {
        SpaceProfile studio = new SpaceProfile("s", "Atelier", List.of("en"),
                "A coworking space and print studio for illustrators", List.of("print suppliers"),
                List.of("paid listings of coworking spaces"), List.of(), List.of(
                        new MemberProfile("cy", "Cy", "cy@x.example", List.of(), List.of(), List.of("stock photography"))),
                List.of(), List.of());
        ProfileIndex index = new ProfileIndex(studio, analyzer);

        assertThat(index.fit(analyzer.stems("We help coworking spaces welcome remote teams", "en")).matched("notWanted"))
                .isEmpty();
        assertThat(index.fit(analyzer.stems("Get your coworking space in our paid listings this month", "en"))
                .matched("notWanted")).containsExactly("paid listings of coworking spaces");
        assertThat(index.fit(analyzer.stems("Stock market tips: our traders beat the index", "en")).matched("cy.openTo"))
                .isEmpty();
        assertThat(index.fit(analyzer.stems("A library of royalty-free photography and stock images", "en"))
                .matched("cy.openTo")).containsExactly("stock photography");
        assertThat(index.fit(analyzer.stems("We printed our own flyers for the launch", "en")).matched("needs")).isEmpty();
    }

    /** A manager writes a phrase once; the lexicon bridges the other language. */
    @Test
    void aPhraseWrittenInOneLanguageMatchesAPitchInTheOther() {
        SpaceProfile oneLanguage = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of("logiciel de facturation"),
                List.of("publicité"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex index = new ProfileIndex(oneLanguage, analyzer);

        assertThat(index.fit(analyzer.stems("Our invoicing software sends reminders for you", "en")).matched("needs"))
                .containsExactly("logiciel de facturation");
        assertThat(index.fit(analyzer.stems("Advertising on our city screens reaches 50,000 people: advertise with us", "en")).matched("notWanted"))
                .containsExactly("publicité");
    }

    /** A narrower thing meets the broader one the profile names, never the other way round. */
    @Test
    void aPitchAboutAKindOfWhatTheProfileNamesMatchesIt() {
        SpaceProfile profile = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of("fournisseur de café"),
                List.of("crypto"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex index = new ProfileIndex(profile, analyzer);
        SpaceProfile narrow = new SpaceProfile("s", "Ruche", List.of("en"), "Coworking", List.of("espresso machines"),
                List.of(), List.of(), List.of(), List.of(), List.of());

        assertThat(index.fit(analyzer.stems("Torréfacteur artisanal: torréfacteur de quartier, livraison chaque semaine", "fr"),
                0, "").matched("needs")).containsExactly("fournisseur de café");
        SpaceProfile cleaning = new SpaceProfile("s", "Ruche", List.of("en"), "Coworking", List.of("cleaning service"),
                List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(new ProfileIndex(cleaning, analyzer).fit(analyzer.stems(
                "We are a janitorial company: daily janitorial rounds and a weekly deep clean", "en")).matched("needs"))
                .containsExactly("cleaning service");
        assertThat(index.fit(analyzer.stems("Put part of your treasury in bitcoin: our bitcoin desk does it for you", "en"))
                .matched("notWanted")).containsExactly("crypto");
        assertThat(new ProfileIndex(narrow, analyzer).fit(analyzer.stems("Fresh coffee for your coffee corner, coffee delivered", "en"))
                .matched("needs")).isEmpty();
    }

    /** A service sold under another name ("appointment setting" for lead generation) meets the profile's name for it. */
    @Test
    void aPitchForAKindOfAnUnwantedServiceMatchesItsBroaderName() {
        SpaceProfile profile = new SpaceProfile("s", "Ruche", List.of("fr", "en"), "Coworking", List.of(),
                List.of("génération de leads", "crypto"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex index = new ProfileIndex(profile, analyzer);
        SpaceProfile narrow = new SpaceProfile("s", "Ruche", List.of("en"), "Coworking", List.of(),
                List.of("appointment setting"), List.of(), List.of(), List.of(), List.of());

        assertThat(index.fit(analyzer.stems("Our SDR team does appointment setting for B2B firms: ten meetings a month", "en"))
                .matched("notWanted")).containsExactly("génération de leads");
        assertThat(index.fit(analyzer.stems("Nous prenons pour vous des rendez-vous qualifiés avec des PME", "fr"))
                .matched("notWanted")).containsExactly("génération de leads");
        assertThat(index.fit(analyzer.stems("Host your mining rig in our cooled racks, cheap power", "en")).matched("notWanted"))
                .containsExactly("crypto");
        assertThat(index.fit(analyzer.stems("Wear parts for mining and quarrying equipment, delivered fast", "en")).matched("notWanted"))
                .as("mining alone is not crypto").isEmpty();
        assertThat(new ProfileIndex(narrow, analyzer).fit(analyzer.stems("Lead generation for your business: more leads", "en"))
                .matched("notWanted")).as("never the other way round").isEmpty();
    }

    /**
     * "référencement" is search-engine optimisation or a listing: in what the space wants, either sense
     * meets it; in what it does not want, only the word as written.
     */
    @Test
    void aWordOfTwoSensesMeetsEitherInWhatIsWantedOnlyAsWrittenInWhatIsNot() {
        SpaceProfile wanted = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of("référencement"), List.of(),
                List.of(), List.of(), List.of(), List.of());
        SpaceProfile unwanted = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of(), List.of("référencement"),
                List.of(), List.of(), List.of(), List.of());
        String pitch = "Our listings of workspaces: your listing with photos and prices, seen by 20,000 freelancers";

        assertThat(new ProfileIndex(wanted, analyzer).fit(analyzer.stems(pitch, "en")).matched("needs"))
                .containsExactly("référencement");
        assertThat(new ProfileIndex(unwanted, analyzer).fit(analyzer.stems(pitch, "en")).matched("notWanted")).isEmpty();
    }

    /** "tools" says what kind of product, not what for: it completes "developer tools", it cannot carry it alone. */
    @Test
    void aKindOfProductAloneDoesNotCarryAPhrase() {
        SpaceProfile makers = new SpaceProfile("s", "Atelier", List.of("fr", "en"), "Coworking for developers and makers",
                List.of(), List.of(), List.of(),
                List.of(new MemberProfile("dev", "Dev", "dev@x.example", List.of(), List.of(), List.of("developer tools"))),
                List.of(), List.of());
        ProfileIndex index = new ProfileIndex(makers, analyzer);

        assertThat(index.fit(analyzer.stems("Logiciel pour cliniques dentaires : notre logiciel gère vos rendez-vous", "fr"))
                .matched("dev.openTo")).isEmpty();
        assertThat(index.fit(analyzer.stems("Profiling tools for developers: find the slow query in your code", "en"))
                .matched("dev.openTo")).containsExactly("developer tools");
    }

    /**
     * "brand" and "identity" share a concept (the lexicon puts "branding" with "identité"): a pitch
     * that says "brands" once has one of the phrase's words, not both.
     */
    @Test
    void onePitchWordIsOneWordOfAPhraseEvenWhenTwoShareAConcept() {
        SpaceProfile studio = new SpaceProfile("s", "Studio", List.of("en"), "A designer's studio", List.of(), List.of(), List.of(),
                List.of(new MemberProfile("lotte", "Lotte", "l@x.example", List.of("brand identity"), List.of(), List.of())),
                List.of(), List.of());
        ProfileIndex index = new ProfileIndex(studio, analyzer);

        assertThat(index.fit(analyzer.stems("Dental implants at 30% below the major brands, delivered next day", "en"))
                .matched("lotte.skills")).isEmpty();
        assertThat(index.fit(analyzer.stems("We print the brand identity you designed for your clients", "en"))
                .matched("lotte.skills")).containsExactly("brand identity");
        // One French word for the English compound still meets it through its concepts.
        assertThat(index.fit(analyzer.stems("Votre identité de marque, déclinée sur tous vos supports", "fr"))
                .matched("lotte.skills")).containsExactly("brand identity");
    }

    /** A pitch with a need's weightiest word touches it, without meeting it. */
    @Test
    void aPitchWithTheWeightiestWordOfANeedTouchesIt() {
        SpaceProfile makers = new SpaceProfile("s", "Atelier", List.of("en"), "Makerspace", List.of("3D printer filament supplier"),
                List.of(), List.of(), List.of(), List.of(), List.of());
        ProfileIndex index = new ProfileIndex(makers, analyzer);

        Fit touching = index.fit(analyzer.stems("We make PETG and PLA filament in Laval and deliver spools every month", "en"));
        assertThat(touching.matched("needs")).isEmpty();
        assertThat(touching.matched(Fit.TOUCHED)).containsExactly("3D printer filament supplier");
        assertThat(index.fit(analyzer.stems("We deliver office furniture every month", "en")).matched(Fit.TOUCHED)).isEmpty();
    }

    /** A need is met by the bulk of its words; an unwanted offer only by nearly all of them. */
    @Test
    void aNeedIsMetByMostOfItsWordsAnUnwantedOfferByNearlyAll() {
        String phrase = "logiciel de traduction assistée par ordinateur";
        SpaceProfile needs = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of(phrase), List.of(), List.of(),
                List.of(), List.of(), List.of());
        SpaceProfile notWanted = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of(), List.of(phrase), List.of(),
                List.of(), List.of(), List.of());
        String pitch = "Notre logiciel de traduction assistée gère vos mémoires de traduction et vos glossaires";

        // Its words alone, without the service kinds: "mémoires de traduction", a kind of this software, would meet it whole.
        ServiceKinds none = ServiceKinds.of(List.of(), analyzer);
        assertThat(new ProfileIndex(needs, analyzer, Lexicon.shipped(), TermWeights.shipped(), none).fit(analyzer.stems(pitch, "fr"))
                .matched("needs")).containsExactly(phrase);
        assertThat(new ProfileIndex(notWanted, analyzer, Lexicon.shipped(), TermWeights.shipped(), none).fit(analyzer.stems(pitch, "fr"))
                .matched("notWanted")).isEmpty();
        assertThat(new ProfileIndex(notWanted, analyzer).fit(analyzer.stems(pitch, "fr")).matched("notWanted")).containsExactly(phrase);
    }

    /** A family of kinds holds across languages: a profile phrase in one is met by a narrower kind sold in the other. */
    @Test
    void aKindSoldInOneLanguageMeetsABroaderNameWrittenInTheOther() {
        SpaceProfile french = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of("entreprise de nettoyage"),
                List.of("publicité", "référencement"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex frenchIndex = new ProfileIndex(french, analyzer);
        SpaceProfile english = new SpaceProfile("s", "Ruche", List.of("en"), "Coworking", List.of("cleaning service"),
                List.of("advertising", "telecoms"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex englishIndex = new ProfileIndex(english, analyzer);

        assertThat(frenchIndex.fit(analyzer.stems("Put your brand on billboards across town: radio spots and billboard campaigns", "en"))
                .matched("notWanted")).containsExactly("publicité");
        assertThat(frenchIndex.fit(analyzer.stems("We write guest posts on high-authority blogs, with a dofollow link to you", "en"))
                .matched("notWanted")).containsExactly("référencement");
        assertThat(frenchIndex.fit(analyzer.stems("Our crew does window washing and floor care for offices, monthly", "en"))
                .matched("needs")).containsExactly("entreprise de nettoyage");
        assertThat(englishIndex.fit(analyzer.stems("Votre marque dans notre magazine : encarts publicitaires et articles sponsorisés", "fr"))
                .matched("notWanted")).containsExactly("advertising");
        assertThat(englishIndex.fit(analyzer.stems("Lavage de vitres et entretien des sols chaque mois pour vos bureaux", "fr"))
                .matched("needs")).containsExactly("cleaning service");
        assertThat(englishIndex.fit(analyzer.stems("Passez votre entreprise à la fibre optique et à un standard téléphonique dans le cloud", "fr"))
                .matched("notWanted")).containsExactly("telecoms");
        assertThat(englishIndex.fit(analyzer.stems("Do you have fibre in the building? I make a lot of phone calls", "en"))
                .matched("notWanted")).as("an amenity asked about is not a kind sold").isEmpty();
    }

    /** A kind of a kind is a kind: "marketing digital" is sold as advertising, and advertising as billboards. */
    @Test
    void aKindOfAKindMeetsTheBroadestName() {
        SpaceProfile profile = new SpaceProfile("s", "Ruche", List.of("fr"), "Coworking", List.of(),
                List.of("marketing digital"), List.of(), List.of(), List.of(), List.of());
        ProfileIndex index = new ProfileIndex(profile, analyzer);

        assertThat(index.fit(analyzer.stems("Une campagne d'affichage sur les abribus du quartier pendant deux semaines", "fr"))
                .matched("notWanted")).containsExactly("marketing digital");
        assertThat(index.fit(analyzer.stems("Nous livrons des plateaux repas et des buffets pour vos événements", "fr"))
                .matched("notWanted")).isEmpty();
    }

    /**
     * A need that holds a kind of service ("participant recruitment" in "usability test participant
     * recruitment") is met by a pitch that says that kind whole, without the rest; an unwanted phrase
     * is not: a "no" is said of the whole phrase.
     */
    @Test
    void aNeedHoldingAKindIsMetByAPitchForThatKind() {
        String phrase = "usability test participant recruitment";
        String pitch = "We recruit participants matching your screener from a panel of 40,000 people and book them into your slots";
        SpaceProfile needs = new SpaceProfile("s", "Studio", List.of("en"), "A designer's studio", List.of(phrase),
                List.of(), List.of(), List.of(), List.of(), List.of());
        SpaceProfile notWanted = new SpaceProfile("s", "Studio", List.of("en"), "A designer's studio", List.of(),
                List.of(phrase), List.of(), List.of(), List.of(), List.of());

        assertThat(new ProfileIndex(needs, analyzer).fit(analyzer.stems(pitch, "en")).matched("needs")).containsExactly(phrase);
        assertThat(new ProfileIndex(notWanted, analyzer).fit(analyzer.stems(pitch, "en")).matched("notWanted")).isEmpty();
        assertThat(new ProfileIndex(needs, analyzer).fit(analyzer.stems("Our recruitment agency finds you a receptionist", "en"))
                .matched("needs")).isEmpty();
    }

    /**
     * Only the variants that share a word with the pitch are tried, and their words' cover of a window
     * asked only where all are in it or a specific and salient one: on pitches made of the profile's
     * own words, their translations and others, the same fit as trying every variant at every window.
     */
    @Test
    void triesOnlyTheVariantsThatShareAWordAndFitsTheSame() {
        String[] words = {"coffee", "supplier", "fournisseur", "café", "SEO", "référencement", "accounting", "software",
            "logiciel", "comptabilité", "carpentry", "menuiserie", "illustration", "coworking", "artisans", "designers",
            "roast", "weekly", "office", "we", "offer", "cheap", "flights", "lead", "generation", "translation", "bookkeeping"};
        java.util.Random random = new java.util.Random(20261202);
        int matched = 0;
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(25); i >= 0; i--) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            String language = random.nextBoolean() ? "en" : "fr";
            List<String> stems = analyzer.stems(text.toString(), language);
            int subject = random.nextInt(stems.size() + 1);
            String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
            Fit expected = index.fit(stems, subject, lower, true);
            assertThat(index.fit(stems, subject, lower)).as(text.toString()).isEqualTo(expected);
            matched += expected.matches().isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("pitches matching a phrase").isGreaterThan(500);
    }

    /**
     * The hits of a phrase's words, packed and sorted in one buffer, are those of the lists of boxed
     * positions they replaced (kept here): the same positions, words and literal marks in the same
     * order, one sense per pitch word; over random pitches of up to 300 stems with concepts shared
     * between words, and keys met more often than the occurrences kept of each.
     */
    @Test
    void collectsTheSameHitsAsTheListsOfPositionsDid() {
        String[] vocabulary = {"coffe", "suppli", "~0", "~1", "~2", "roast", "offic", "~3"};
        java.util.Random random = new java.util.Random(20261203);
        ProfileIndex.Hits hits = new ProfileIndex.Hits();
        int nonEmpty = 0;
        for (int round = 0; round < 5_000; round++) {
            java.util.Map<String, List<Integer>> listed = new java.util.HashMap<>();
            java.util.Map<String, ProfileIndex.Occurrences> occurrences = new java.util.HashMap<>();
            int length = random.nextInt(round % 10 == 0 ? 300 : 30);
            for (int position = 0; position < length; position++) {
                java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    keys.add(vocabulary[random.nextInt(vocabulary.length)]);
                }
                for (String key : keys) {
                    List<Integer> at = listed.computeIfAbsent(key, x -> new java.util.ArrayList<>());
                    if (at.size() < 64) {
                        at.add(position);
                    }
                    occurrences.computeIfAbsent(key, x -> new ProfileIndex.Occurrences()).add(position);
                }
            }
            List<List<String>> elements = new java.util.ArrayList<>();
            for (int e = random.nextInt(4); e >= 0; e--) {
                java.util.Set<String> keys = new java.util.LinkedHashSet<>();
                for (int k = random.nextInt(3); k >= 0; k--) {
                    keys.add(vocabulary[random.nextInt(vocabulary.length)]);
                }
                elements.add(List.copyOf(keys));
            }
            List<int[]> expected = hitsAsListed(elements, listed);
            List<String> numbered = List.of(vocabulary);
            int[][] keysByElement = elements.stream().map(keys -> keys.stream().mapToInt(numbered::indexOf).toArray()).toArray(int[][]::new);
            ProfileIndex.Occurrences[] byKey = new ProfileIndex.Occurrences[vocabulary.length];
            for (int k = 0; k < vocabulary.length; k++) {
                byKey[k] = occurrences.get(vocabulary[k]);
            }
            hits.collect(keysByElement, byKey);
            List<int[]> actual = new java.util.ArrayList<>();
            for (int h = 0; h < hits.size(); h++) {
                actual.add(new int[] {hits.position(h), hits.element(h), hits.literal(h)});
            }
            assertThat(actual).as("round %d", round).containsExactlyElementsOf(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(3_000);
    }

    /**
     * How often a pitch has each key, counted once per key, is the map merged once per occurrence,
     * entries in the same order; the cosines with the space's and each member's documents, read from
     * arrays of their terms by number, are to the last bit those of the maps alone (smaller vector walked, the other's map
     * looked up): pitches of the profile's words and others, short and long (so that either vector is
     * the smaller), in both languages.
     */
    @Test
    void cosinesAreThoseOfTheMaps() {
        String[] words = {"coffee", "supplier", "fournisseur", "café", "SEO", "référencement", "accounting", "software",
            "logiciel", "comptabilité", "carpentry", "menuiserie", "illustration", "coworking", "artisans", "designers",
            "roast", "weekly", "office", "we", "offer", "cheap", "flights", "lead", "generation", "translation", "bookkeeping",
            "garden", "weather", "holiday", "ticket", "rare", "zebra", "quantum", "boat", "music", "piano", "film"};
        java.util.Random random = new java.util.Random(20261203);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(round % 10 == 0 ? 400 : 30); i >= 0; i--) {
                if (random.nextInt(4) == 0) {
                    for (int letter = 3 + random.nextInt(5); letter > 0; letter--) {
                        text.append((char) ('a' + random.nextInt(26)));
                    }
                } else {
                    text.append(words[random.nextInt(words.length)]);
                }
                text.append(' ');
            }
            List<String> stems = analyzer.stems(text.toString(), random.nextBoolean() ? "en" : "fr");
            Map<String, Integer> merged = ProfileIndex.termFrequencies(index.pitchKeys(stems));
            Map<String, Integer> counted = index.termFrequenciesOf(stems);
            assertThat(List.copyOf(counted.entrySet())).as(text.toString()).isEqualTo(List.copyOf(merged.entrySet()));
            double[] expected = index.cosines(merged, true);
            double[] actual = index.cosines(counted, false);
            for (int d = 0; d < expected.length; d++) {
                assertThat(Double.doubleToRawLongBits(actual[d])).as(text.toString()).isEqualTo(Double.doubleToRawLongBits(expected[d]));
            }
        }
    }

    /** The hits as Variant.matches made them before: a set of positions by word, a map of the literal word at each. */
    private static List<int[]> hitsAsListed(List<List<String>> elements, java.util.Map<String, List<Integer>> positions) {
        List<int[]> hits = new java.util.ArrayList<>();
        for (int e = 0; e < elements.size(); e++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            List<String> keys = elements.get(e);
            for (int k = 0; k < keys.size(); k++) {
                for (int position : positions.getOrDefault(keys.get(k), List.of())) {
                    if (seen.add(position)) {
                        hits.add(new int[] {position, e, k == 0 ? 1 : 0});
                    }
                }
            }
        }
        java.util.Map<Integer, Integer> literalElement = new java.util.HashMap<>();
        for (int[] hit : hits) {
            if (hit[2] == 1) {
                literalElement.putIfAbsent(hit[0], hit[1]);
            }
        }
        List<int[]> kept = new java.util.ArrayList<>(hits.size());
        for (int[] hit : hits) {
            Integer literal = literalElement.get(hit[0]);
            if (literal == null || hit[2] == 1 || literal == hit[1]) {
                kept.add(hit);
            }
        }
        kept.sort((a, b) -> Integer.compare(a[0], b[0]));
        return kept;
    }

    private Fit fit(String text, String language) {
        return index.fit(analyzer.stems(text, language));
    }
}
