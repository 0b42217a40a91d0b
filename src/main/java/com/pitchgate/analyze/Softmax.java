package com.pitchgate.analyze;

/**
 * The probabilities a maximum-entropy model gives its outcomes, from their summed weights: as
 * OpenNLP computes them, operation for operation, so that the scores stay the same to the last bit.
 */
final class Softmax {

    private Softmax() {
    }

    /** Turns the summed weights into probabilities, in place, and returns them. */
    static double[] inPlace(double[] sums) {
        double normal = 0.0;
        for (int outcome = 0; outcome < sums.length; outcome++) {
            sums[outcome] = StrictMath.exp(sums[outcome]);
            normal += sums[outcome];
        }
        for (int outcome = 0; outcome < sums.length; outcome++) {
            sums[outcome] /= normal;
        }
        return sums;
    }
}
