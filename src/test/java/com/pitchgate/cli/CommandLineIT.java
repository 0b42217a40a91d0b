package com.pitchgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.LabeledPitches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's evaluate command, as CI would run it: its exit status, in a process of its own. */
class CommandLineIT {

    @TempDir
    Path folder;

    @Test
    void evaluateEndsWithStatusTwoWhenTheBoundIsBrokenAndZeroOtherwise() throws Exception {
        // The venue's sender is block-listed: a genuine inquiry the configuration itself declines.
        Path config = ConfigFiles.testConfig(c -> {
            c.with("database").put("url", "jdbc:sqlite:" + folder.resolve("pitchgate.db"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) c.withArray("spaces").get(0)).putArray("block").add("venue-finder.example");
        });
        Path data = Files.createDirectories(folder.resolve("labeled").resolve("forward"));
        Files.writeString(data.resolve("venue.eml"), CommandsTest.declinedInquiry(), StandardCharsets.UTF_8);

        Result broken = java("evaluate", config.toString(), data.getParent().toString());
        assertThat(broken.status()).as(broken.output()).isEqualTo(2);
        assertThat(broken.output()).contains("ABOVE THE BOUND")
                .contains("1 of 1 genuine inquiries were sent to auto_decline (rate 1.000, bound 0.000)");

        Result within = java("evaluate", config.toString(), LabeledPitches.folder("heldout").toString(),
                "--max-declined-inquiry-rate", "0.2");
        assertThat(within.status()).as(within.output()).isZero();
        assertThat(within.output()).contains("accuracy").contains("bound 0.200: within");
    }

    private record Result(int status, String output) {
    }

    private Result java(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("pitchgate.jar")));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(folder, "command", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within 90 s:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }
}
