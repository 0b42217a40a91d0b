package com.pitchgate.learn;

import com.pitchgate.spi.Queue;

/**
 * One decided pitch as training material: what the model reads, and the queue the pitch ended in.
 *
 * @param overridden whether a person put it in that queue; such labels count more
 */
public record Example(long pitchId, PitchText text, Queue queue, boolean overridden) {
}
