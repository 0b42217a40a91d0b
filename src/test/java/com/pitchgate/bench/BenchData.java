package com.pitchgate.bench;

import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.support.Mails;
import java.util.ArrayList;
import java.util.List;

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
}
