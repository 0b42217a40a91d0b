package com.pitchgate.store;

/** The {@code models} row: one trained model of a space, its figures, and its serialised parameters. */
public record ModelRow(
        long id,
        String spaceId,
        long trainedAt,
        int exampleCount,
        int forwardCount,
        int introCount,
        int declineCount,
        int overrideCount,
        double heldOutAccuracy,
        double baselineAccuracy,
        int folds,
        String algorithm,
        int featuresVersion,
        long lastOverrideId,
        byte[] model) {
}
