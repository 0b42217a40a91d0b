package com.pitchgate.bench;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.crm.KnownContacts;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.IntroRow;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.support.Mails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The inputs the stage benchmarks share: a typical e-mail, with and without a PDF, and a space of 50 members. */
final class BenchData {

    static final String TEXT = "Hello, we are a coffee roaster in Lyon and supply specialty coffee beans and machines to "
            + "offices and coworking spaces. We would love to show you our offer; several of your members may also be "
            + "interested in our accounting partnership. Best regards, Sara. ";

    private BenchData() {
    }

    /** An HTML e-mail of about 20 KB, with a one-page PDF when asked. */
    static byte[] mail(boolean withPdf) throws Exception {
        String html = "<html><head><style>p{color:#333}</style></head><body>" + ("<p>" + TEXT + "</p>").repeat(60)
                + "<img src=\"https://t.example/o.gif\" width=\"1\" height=\"1\"></body></html>";
        return Mails.htmlMail("Sara Klein <sara@roastery.example>", "<bench@roastery.example>", "Coffee for La Fabrique",
                html, withPdf ? "Specialty coffee supplier for offices and coworking spaces in Lyon." : null);
    }

    /** A space with 50 members of varied trades, in French and English. */
    static SpaceProfile spaceOf50() {
        String[][] trades = {
                {"UX design", "design d'interface"}, {"accounting", "comptabilité"}, {"web development", "développement web"},
                {"illustration", "illustration"}, {"photography", "photographie"}, {"copywriting", "rédaction"},
                {"legal advice", "conseil juridique"}, {"translation", "traduction"}, {"carpentry", "menuiserie"},
                {"marketing", "marketing"}};
        List<SpaceProfile.MemberProfile> members = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String[] trade = trades[i % trades.length];
            members.add(new SpaceProfile.MemberProfile("m" + i, "Member " + i, "m" + i + "@space.example",
                    List.of(trade[0], trade[1]), List.of("open source", "logiciel libre"),
                    List.of(trade[0] + " tools", "outils de " + trade[1])));
        }
        return new SpaceProfile("bench", "La Fabrique", List.of("fr", "en"),
                "Coworking space in Lyon for designers, developers and freelancers: desks, offices, meeting rooms.",
                List.of("coffee supplier", "fournisseur de café", "cleaning service"), List.of("SEO", "crypto"),
                List.of("Croix-Rousse"), members, List.of(), List.of());
    }

    /** An introduction that names people and an address nobody in the space knows, as an HTML e-mail. */
    static byte[] introduction() throws Exception {
        String html = "<html><body><p>Hi Member 3,</p><p>Claire Dubois suggested I write to you. We met through Camille "
                + "Laurent at the Lyon design meetup, and Paul Girard from Atelier Moreau said we should talk. You can also "
                + "reach Claire at claire.dubois@partner.example or me at tom@hale-design.example.</p><p>I am Tom Hale, a "
                + "product designer working with Studio Nord and Maison Verte; Claire thought we should meet.</p>"
                + ("<p>" + TEXT + "</p>").repeat(4) + "<p>Best regards,<br>Tom Hale<br>Hale Design, Villeurbanne</p></body></html>";
        return Mails.htmlMail("Tom Hale <tom@hale-design.example>", "<intro@hale-design.example>",
                "Introduction through Claire Dubois", html, null);
    }

    /** The pitch answered: a reply quoting a member's message of about 10 KB, a line at a time, under an attribution. */
    static Pitch replyTo(Pitch pitch) {
        String body = "Thanks, that sounds good; let us talk next week.\n\nOn Tue, Mar 3, 2026, Member 3 <m3@space.example> wrote:\n"
                + ("> " + TEXT.strip() + "\n>\n").repeat(40);
        Map<String, List<String>> headers = new HashMap<>(pitch.headers());
        headers.put("in-reply-to", List.of("<q1@space.example>"));
        headers.put("references", List.of("<q0@space.example> <q1@space.example>"));
        return new Pitch(pitch.id(), pitch.channel(), pitch.sender(), pitch.replyTo(), pitch.organisation(), "Re: " + pitch.subject(),
                body, pitch.attachments(), pitch.language(), headers, pitch.marks(), pitch.stems(), pitch.intermediaries(), pitch.fit(),
                pitch.kind());
    }

    /** A CRM that knows this many contacts, none of them named in {@link #introduction()}, kept as the store keeps them. */
    static CrmMemory contacts(String spaceId, int count) {
        String[] first = {"Anne", "Bruno", "Chloé", "David", "Émile", "Fanny", "Gaspard", "Hélène", "Igor", "Jeanne"};
        String[] last = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"};
        List<KnownContacts.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = first[i % first.length] + " " + last[(i / first.length) % last.length];
            String email = "c" + i + "@contacts.example";
            contacts.add(new KnownContacts.Contact(email, name, "Org " + i, List.of(email)));
        }
        KnownContacts known = KnownContacts.of(contacts);
        return new CrmMemory() {
            @Override
            public Optional<ContactRow> contact(String space, String email) {
                return Optional.empty();
            }

            @Override
            public KnownContacts knownContacts(String space) {
                return known;
            }

            @Override
            public Optional<DeclineRow> standingDecline(String space, String email, String organisation, long now) {
                return Optional.empty();
            }

            @Override
            public Optional<IntroRow> introFor(String space, String email, String organisation) {
                return Optional.empty();
            }
        };
    }
}
