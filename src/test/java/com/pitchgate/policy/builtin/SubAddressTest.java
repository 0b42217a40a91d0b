package com.pitchgate.policy.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.spi.Pitch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubAddressTest {

    private static Pitch mail(String from, String subject, Map<String, List<String>> headers) {
        String domain = from.substring(from.indexOf('@') + 1);
        return new Pitch(1, "email", new Pitch.Address(from, "", domain), Optional.empty(), Optional.of(domain), subject,
                "Body", List.of(), "en", headers, Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
    }

    @Test
    void aTagThatNamesTheSenderInTheSubjectOrItsDomainIsTheAddressTheReaderGaveIt() {
        Pitch bySubject = mail("news@mail3.globalscape.example", "CuteFTP Pro 3.0 released!",
                Map.of("to", List.of("\"Valued Customer\" <jm-cuteftp@example.org>")));
        Pitch byDomain = mail("deals@pixelweekly.example", "This week: 30% off monitors",
                Map.of("to", List.of("sophie+pixelweekly@lafabrique.example")));
        Pitch inCopy = mail("deals@pixelweekly.example", "Deals", Map.of("to", List.of("someone@else.example"),
                "cc", List.of("Sophie <SOPHIE+PixelWeekly@lafabrique.example>")));

        assertThat(SubAddress.namingSender(bySubject)).contains("jm-cuteftp@example.org");
        assertThat(SubAddress.namingSender(byDomain)).contains("sophie+pixelweekly@lafabrique.example");
        assertThat(SubAddress.namingSender(inCopy)).contains("sophie+pixelweekly@lafabrique.example");
    }

    @Test
    void aTagThatNamesSomeoneElseIsTheLeakNotTheSender() {
        Pitch leaked = mail("savings@cheap-toner.example", "SAVE 30% ON TONER",
                Map.of("to", List.of("sophie+pixelweekly@lafabrique.example")));

        assertThat(SubAddress.namingSender(leaked)).isEmpty();
    }

    @Test
    void namesRoleMailboxesListsAndShortTagsAreNotTags() {
        // "jean-pierre@" is a name, not a tag: the sender's own name is not where a tag is looked for.
        Pitch hyphenatedName = mail("pierre.martin@conseil.example", "Un conseil pour votre espace",
                Map.of("to", List.of("jean-pierre@lafabrique.example")));
        Pitch roleMailbox = mail("hello@growth.example", "Grow your sales team",
                Map.of("to", List.of("sales-team@lafabrique.example")));
        Pitch list = mail("someone@isp.example", "[ILUG] cheap linux PCs",
                Map.of("to", List.of("ilug-social@linux.example"), "list-id", List.of("<ilug-social.linux.example>")));
        Pitch shortTag = mail("x@fm.example", "FM news", Map.of("to", List.of("jm-fm@example.org")));
        Pitch untagged = mail("news@cuteftp.example", "CuteFTP news", Map.of("to", List.of("jm@example.org")));

        assertThat(SubAddress.namingSender(hyphenatedName)).isEmpty();
        assertThat(SubAddress.namingSender(roleMailbox)).isEmpty();
        assertThat(SubAddress.namingSender(list)).isEmpty();
        assertThat(SubAddress.namingSender(shortTag)).isEmpty();
        assertThat(SubAddress.namingSender(untagged)).isEmpty();
    }

    @Test
    void theTagMustStartAWord() {
        Pitch inside = mail("news@vendor.example", "Our best ftp deals", Map.of("to", List.of("jm+ftpd@example.org")));
        Pitch startsAWord = mail("news@vendor.example", "Handango's picks", Map.of("to", List.of("jm+handango@example.org")));

        assertThat(SubAddress.namingSender(inside)).isEmpty();
        assertThat(SubAddress.namingSender(startsAWord)).contains("jm+handango@example.org");
    }
}
