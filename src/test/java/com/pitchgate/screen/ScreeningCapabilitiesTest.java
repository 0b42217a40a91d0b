package com.pitchgate.screen;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.policy.Reason;
import com.pitchgate.route.Decision;
import com.pitchgate.spi.Queue;
import com.pitchgate.support.ShippedScreening;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each routing capability on messages written for this test (none is in the development set), through
 * the shipped configuration's real pipeline: extraction, the trained kind categoriser, phrase
 * matching, the policies and the router. The space is la-fabrique of config.yml: members Marie
 * Dupont (UX) and Tom Hale (accounting), contacts such as Claire Moreau of Atelier Moreau and James
 * Okafor of Northlight Studio.
 */
class ScreeningCapabilitiesTest {

    private static ShippedScreening screening;

    @BeforeAll
    static void build() throws Exception {
        screening = new ShippedScreening();
    }

    @AfterAll
    static void close() {
        screening.close();
    }

    @Test
    void aKnownContactNamedInAnyWordingBringsThePitchThrough() throws Exception {
        Decision english = screening.form("Rita Gomez", "rita@lumen-signs.example", "Lumen Signs", "Signage",
                "Hello, I had coffee with Claire Moreau last week and when I told her about our illuminated signs she said"
                        + " your space was exactly the kind of place that might want one. Could I send a few ideas?");
        Decision french = screening.form("Hugo Lenoir", "hugo@velo-courses.example", "", "Livraisons à vélo",
                "Bonjour, c'est James Okafor qui m'a soufflé votre nom. Nous livrons plis et colis à vélo dans Lyon;"
                        + " je serais ravi de vous présenter notre offre.");

        assertThat(english.queue()).as(reasons(english)).isEqualTo(Queue.FORWARD);
        assertThat(decisive(english).signal()).isEqualTo("introduced_by");
        assertThat(french.queue()).as(reasons(french)).isEqualTo(Queue.FORWARD);
        assertThat(decisive(french).detail()).contains("James Okafor");
    }

    @Test
    void aKnownContactInCopyOrAColleagueOfOneBringsThePitchThrough() throws Exception {
        Decision copied = screening.mail("""
                From: Leo Brandt <leo@quietpods.example>
                To: pitches@lafabrique.example
                Cc: Paul Girard <paul@girard-conseil.example>
                Subject: Phone booths
                Message-ID: <copied@capabilities.example>

                Hello, we make acoustic phone booths for shared offices and would love to show you one.
                Leo
                """);
        Decision colleague = screening.form("Ines Marchal", "ines@northlight.example", "", "Studio sessions",
                "We run portrait sessions for teams and would like to offer one to your members.");
        Decision byCompany = screening.form("Jo Perrin", "jo.perrin@gmail.com", "Atelier Moreau", "Print workshop",
                "We'd like to run a screen-printing evening for your members next month.");

        assertThat(decisive(copied).signal()).as(reasons(copied)).isEqualTo("copied_known");
        assertThat(colleague.queue()).isEqualTo(Queue.FORWARD);
        assertThat(decisive(colleague).signal()).as(reasons(colleague)).isEqualTo("known_organisation");
        assertThat(decisive(byCompany).signal()).as(reasons(byCompany)).isEqualTo("known_organisation");
    }

    @Test
    void anIntermediaryNobodyKnowsEarnsAnIntroRequestNotANo() throws Exception {
        Decision decision = screening.form("Tess Ward", "tess@panelworks.example", "Panelworks", "Recommended by Julien Marchand",
                "Hello, Julien Marchand suggested I write to you. We recruit participants for user research sessions"
                        + " and would be happy to help the designers in your space.");

        assertThat(decision.queue()).as(reasons(decision)).isEqualTo(Queue.REQUIRES_INTRO);
        assertThat(decisive(decision).signal()).isEqualTo("unknown_intermediary");
    }

    @Test
    void aGenuineInquiryIsForwardedWithoutAnyWordOfTheProfile() throws Exception {
        Decision decision = screening.form("Amaury Blanc", "amaury.blanc@gmail.com", "", "",
                "bonjour on est 3 et on cherche un endroit calme pour bosser les mardis et jeudis à partir de janvier,"
                        + " c'est combien par mois ? merci");

        assertThat(decision.queue()).as(reasons(decision)).isEqualTo(Queue.FORWARD);
        assertThat(decision.reasons()).anyMatch(reason -> reason.signal().equals("genuine_inquiry"));
    }

    @Test
    void aVendorAskingQuestionsIsNotTakenForACustomer() throws Exception {
        Decision decision = screening.form("Marc Vidal", "marc@prodesk-furniture.example", "ProDesk", "Quote?",
                "Hello, would you like a quote for our height-adjustable desks? Can I send you our trade price list?"
                        + " We supply more than 200 offices and offer free delivery.");

        assertThat(decision.queue()).as(reasons(decision)).isNotEqualTo(Queue.FORWARD);
        assertThat(decision.reasons()).noneMatch(reason -> reason.signal().equals("genuine_inquiry"));
    }

    @Test
    void anOfferInTheOtherLanguageAnswersAStatedNeed() throws Exception {
        Decision decision = screening.form("Lina Costa", "lina@torref-croix.example", "", "Café de spécialité",
                "Bonjour, nous sommes torréfacteurs à la Croix-Rousse et livrons du café de spécialité aux bureaux:"
                        + " abonnement mensuel, café en grains, entretien de la machine. Nous serions ravis de vous faire goûter notre café.");

        assertThat(decision.reasons()).as(reasons(decision)).anyMatch(reason -> reason.signal().equals("answers_need"));
        assertThat(decision.queue()).isEqualTo(Queue.FORWARD);
    }

    @Test
    void aReplyInAConversationIsNotAPitchButAFollowUpToOnesOwnPitchIs() {
        Decision reply = screening.mail("""
                From: Anna Keller <anna@keller-arch.example>
                To: sophie@lafabrique.example
                Subject: Re: Keys for Saturday
                Message-ID: <reply-2@keller-arch.example>
                In-Reply-To: <keys-1@lafabrique.example>
                References: <keys-1@lafabrique.example>

                Thanks Sophie, Saturday at 10 works for me. I'll bring the signed form.

                On Thu, 27 Nov 2026, Sophie Laurent <sophie@lafabrique.example> wrote:
                > Could you come by on Saturday to pick up your keys?
                """);
        Decision bump = screening.mail("""
                From: Ryan Cole <ryan@growthloop.example>
                To: pitches@lafabrique.example
                Subject: Re: quick question
                Message-ID: <step3@growthloop.example>
                In-Reply-To: <step2@growthloop.example>
                References: <step1@growthloop.example> <step2@growthloop.example>

                Hi again, just bumping this to the top of your inbox in case it got buried. Any thoughts on my last note?
                Ryan
                """);

        assertThat(reply.queue()).as(reasons(reply)).isEqualTo(Queue.FORWARD);
        assertThat(bump.queue()).as(reasons(bump)).isEqualTo(Queue.AUTO_DECLINE);
        assertThat(bump.reasons()).anyMatch(reason -> reason.signal().equals("follow_up_bump"));
    }

    @Test
    void mergeFieldLeftoversOfAnyTemplateSyntaxAreMassProspecting() throws Exception {
        for (String greeting : new String[] {"Hi {first_name},", "Bonjour [Prénom],", "Dear %FIRSTNAME%,", "Hello {{ company }} team,"}) {
            Decision decision = screening.form("Sales", "sales@blastmail.example", "", "Offer",
                    greeting + " we help businesses like yours grow with our platform. Book a demo today.");
            assertThat(decision.queue()).as(greeting + "\n" + reasons(decision)).isEqualTo(Queue.AUTO_DECLINE);
            assertThat(decision.reasons()).anyMatch(reason -> reason.signal().equals("merge_field_leftover"));
        }
    }

    @Test
    void anUnwantedOfferIsDeclinedEvenInTheSpacesOwnWords() throws Exception {
        Decision decision = screening.form("Kim Lee", "kim@rankfast.example", "RankFast", "More members for your coworking",
                "We boost the SEO of coworking spaces: our SEO audits get your coworking space to the first page of Google"
                        + " and bring more members to your desks.");

        assertThat(decision.queue()).as(reasons(decision)).isEqualTo(Queue.AUTO_DECLINE);
        assertThat(decision.reasons()).anyMatch(reason -> reason.signal().equals("not_wanted"));
    }

    @Test
    void mailThatOffersNothingIsNotJudgedOnWhatTheSpaceDoesNotWant() {
        Decision discussion = screening.mail("""
                From: Olivier Marchand <olivier@marchand-dev.example>
                To: sophie@lafabrique.example
                Subject: Re: talk on Thursday
                Message-ID: <talk-2@marchand-dev.example>
                In-Reply-To: <talk-1@lafabrique.example>
                References: <talk-1@lafabrique.example>

                Hi Sophie, about Thursday's talk: I will skip the crypto part and spend the time on how we moved our
                SEO pages to the new site, since people asked. Slides tomorrow night. See you then, Olivier
                """);

        assertThat(discussion.queue()).as(reasons(discussion)).isEqualTo(Queue.FORWARD);
        assertThat(discussion.reasons()).noneMatch(reason -> reason.weight() < 0);
    }

    @Test
    void aNewsletterTheReaderSubscribedToIsNotDeclinedButABlastToABoughtListIs() {
        Decision newsletter = screening.mail("""
                From: Pixel Weekly Deals <deals@pixelweekly.example>
                To: sophie@lafabrique.example
                Subject: This week: 30% off monitors and docking stations
                Message-ID: <deals-48@pixelweekly.example>
                Content-Type: text/html; charset=utf-8

                <html><body><h1>Deals of the week</h1><p>Save 30% on 27-inch monitors, $40 off docking stations and free
                shipping on keyboards until Sunday. Shop now!</p><img src="https://t.pixelweekly.example/o.gif" width="1" height="1">
                <p>You are subscribed to Pixel Weekly Deals as sophie@lafabrique.example.
                <a href="https://pixelweekly.example/prefs">Manage your subscription</a></p></body></html>
                """);
        Decision blast = screening.mail("""
                From: Office Savings <savings@cheap-toner.example>
                To: undisclosed-recipients:;
                Subject: SAVE 30% ON TONER TODAY ONLY!!!
                Message-ID: <blast-9@cheap-toner.example>

                LOWEST PRICES ON TONER AND INK CARTRIDGES! Save 30% on every order, FREE shipping over $40!!!
                Order now at http://www.cheap-toner.example/order before midnight. To be removed from our list reply REMOVE.
                """);

        assertThat(newsletter.queue()).as(reasons(newsletter)).isNotEqualTo(Queue.AUTO_DECLINE);
        assertThat(newsletter.reasons()).anyMatch(reason -> reason.signal().equals("subscribed_newsletter"));
        assertThat(blast.queue()).as(reasons(blast)).isEqualTo(Queue.AUTO_DECLINE);
        assertThat(blast.reasons()).noneMatch(reason -> reason.signal().equals("subscribed_newsletter"));
    }

    @Test
    void aNewsletterSentToTheAddressTheReaderGaveItsSenderIsNotDeclined() throws Exception {
        String newsletter = """
                From: Pixel Weekly Deals <deals@pixelweekly.example>
                To: %s
                Subject: %s
                Message-ID: <deals-%d@pixelweekly.example>
                Content-Type: text/html; charset=utf-8

                <html><body><h1>Deals of the week</h1><p>Save 30%% on 27-inch monitors, $40 off docking stations and
                free shipping on keyboards until Sunday. Shop now, quantities are limited!</p>
                <img src="https://t.pixelweekly.example/o.gif" width="1" height="1"></body></html>
                """;
        Decision tagged = screening.mail(newsletter.formatted("sophie+pixelweekly@lafabrique.example", "Pixel Weekly: 30% off", 1));
        Decision leaked = screening.mail(newsletter.formatted("sophie+cuteftp@lafabrique.example", "Pixel Weekly: 30% off", 2));

        assertThat(tagged.queue()).as(reasons(tagged)).isNotEqualTo(Queue.AUTO_DECLINE);
        assertThat(tagged.reasons()).anyMatch(reason -> reason.signal().equals("subscribed_newsletter")
                && reason.detail().contains("sophie+pixelweekly@lafabrique.example"));
        assertThat(leaked.queue()).as(reasons(leaked)).isEqualTo(Queue.AUTO_DECLINE);
    }

    @Test
    void aNewsItemIsNotDeclinedForLackingFit() {
        Decision news = screening.mail("""
                From: Harbour Times <feeds@harbourtimes.example>
                To: sophie@lafabrique.example
                Subject: Council delays vote on the new tram line

                URL: https://harbourtimes.example/news/2026/11/tram-vote
                Date: 2026-11-30T08:12:00+01:00

                The city council postponed its vote on the northern tram extension to January, after residents of
                two districts asked for a new study of the route and of the noise it would bring to the old market.
                """);

        assertThat(news.queue()).as(reasons(news)).isNotEqualTo(Queue.AUTO_DECLINE);
        assertThat(news.reasons()).noneMatch(reason -> reason.signal().equals("no_fit"));
    }

    private static Reason decisive(Decision decision) {
        return decision.reasons().stream().filter(Reason::decisive).findFirst().orElseThrow();
    }

    private static String reasons(Decision decision) {
        StringBuilder text = new StringBuilder(decision.queue().id()).append(" ").append(decision.score());
        decision.reasons().forEach(r -> text.append("\n  ").append(r.policy()).append('/').append(r.signal()).append(' ')
                .append(r.weight()).append(": ").append(r.detail()));
        return text.toString();
    }
}
