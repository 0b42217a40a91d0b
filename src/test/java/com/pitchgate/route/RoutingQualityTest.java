package com.pitchgate.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.Commands;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing quality of the shipped configuration, measured as a manager would: {@code evaluate}
 * on the held-out half of the development set (src/test/resources/devset/heldout, never used to
 * train or tune anything), with no learned model. It fails when the decisions get worse than they
 * are now, and whenever a genuine inquiry is declined or a pitch through a known person is not
 * forwarded.
 */
class RoutingQualityTest {

    /** The held-out macro-F1 reached when this bound was last raised; lower it only with a reason. */
    private static final double MIN_MACRO_F1 = 0.92;

    @Test
    void heldOutDevelopmentSetIsRoutedWell() {
        Commands.Run run = Commands.run("evaluate", "config.yml", "src/test/resources/devset/heldout", "--no-learned");

        assertThat(run.exitStatus()).as("no genuine inquiry declined (the command's own bound)\n%s", run).isZero();
        assertThat(figure(run.out(), "macro-F1 ([0-9.]+)")).as(run.out()).isGreaterThanOrEqualTo(MIN_MACRO_F1);
        assertThat(run.out()).contains("genuine inquiries sent to auto_decline: 0.000 (0 of 53)");
        assertThat(figure(run.out(), "known intros not forwarded: ([0-9]+) of")).as(run.out()).isLessThanOrEqualTo(1);
    }

    /**
     * The same settings judged for profiles other than la-fabrique, with {@code evaluate --spaces}: a
     * translator and a wellness space whose profiles are in French, a makerspace and a designer whose
     * profiles are in English. Each bound is a little under the macro-F1 reached when it was last
     * raised (0.904, 0.829, 0.767, 0.811); lower one only with a reason.
     */
    @ParameterizedTest
    @CsvSource({"translator, 0.88", "makerspace, 0.80", "wellness, 0.74", "studio, 0.78"})
    void otherProfilesAreRoutedWell(String space, double minMacroF1) {
        String folder = "src/test/resources/devset/other-spaces/" + space;
        Commands.Run run = Commands.run("evaluate", "config.yml", folder, "--spaces", folder + ".yml", "--no-learned");

        assertThat(run.exitStatus()).as("no genuine inquiry declined (the command's own bound)\n%s", run).isZero();
        assertThat(figure(run.out(), "macro-F1 ([0-9.]+)")).as(run.out()).isGreaterThanOrEqualTo(minMacroF1);
        assertThat(figure(run.out(), "known intros not forwarded: ([0-9]+) of")).as(run.out()).isZero();
    }

    private static double figure(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        assertThat(matcher.find()).as("'%s' in:%n%s", pattern, output).isTrue();
        return Double.parseDouble(matcher.group(1).toLowerCase(Locale.ROOT));
    }
}
