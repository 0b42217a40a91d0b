package com.pitchgate.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.RandomTexts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AddressMatchesTest {

    private static final Pattern WITH_APOSTROPHE = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern WITHOUT = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    @Test
    void findsTheAddressesFindFinds() {
        AddressMatches addresses = new AddressMatches(WITH_APOSTROPHE, ".+'-");
        assertThat(addresses.in("write to o'neil.j+pg@mail.example.ie, or @x, a@b, c@d.e@f.g and ü@h.i"))
                // "a@b" has no dot; "@f.g" follows the match before it; "ü" is not in \w.
                .containsExactly("o'neil.j+pg@mail.example.ie", "c@d.e");
        assertThat(addresses.in("no address here")).isEmpty();
        assertThat(addresses.in("@@a@b.c")).containsExactly("a@b.c");
    }

    /** On texts made of what the patterns read, the same matches in the same places as scanning with find(). */
    @Test
    void sameMatchesAsScanningTheWholeText() {
        String[] pieces = {"a", "Z", "1", "_", ".", "+", "-", "'", "’", "@", "@@", " ", "\n", "é", "ü", "x.y", "b@c.d", "@e.f",
            "..", "-.", "<", ">", ",", "k@", "@k", "\u017F", "\u212A"};
        Random random = new Random(20261202);
        for (Pattern pattern : List.of(WITH_APOSTROPHE, WITHOUT)) {
            AddressMatches addresses = new AddressMatches(pattern, pattern == WITHOUT ? ".+-" : ".+'-");
            for (int round = 0; round < 20_000; round++) {
                String t = RandomTexts.join(random, pieces, 1 + random.nextInt(40));
                assertThat(asText(addresses.spans(t))).as(t).isEqualTo(asText(scanned(pattern, t)));
            }
        }
    }

    private static List<String> asText(List<int[]> spans) {
        return spans.stream().map(Arrays::toString).toList();
    }

    private static List<int[]> scanned(Pattern pattern, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        return spans;
    }
}
