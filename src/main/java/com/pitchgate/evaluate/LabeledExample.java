package com.pitchgate.evaluate;

import com.pitchgate.spi.Queue;
import java.nio.file.Path;

/**
 * One pitch of a labelled data set, ready to screen, with what a person expects of it.
 *
 * @param file           where it was read, relative to the data set's folder
 * @param channel        {@code email} for an {@code .eml} file, {@code form} for a {@code .json} one
 * @param raw            the pitch as the server would receive it, labels removed
 * @param genuineInquiry someone who wants something from the space: declining it is the worst error
 */
public record LabeledExample(Path file, String channel, byte[] raw, Queue expected, boolean genuineInquiry) {
}
