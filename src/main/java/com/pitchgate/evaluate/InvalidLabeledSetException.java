package com.pitchgate.evaluate;

import java.util.List;

/** A labelled data set with files that cannot be used, each named with what is wrong. */
public final class InvalidLabeledSetException extends Exception {

    private final List<String> problems;

    public InvalidLabeledSetException(List<String> problems) {
        super(problems.size() + " file(s) of the data set cannot be used:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
