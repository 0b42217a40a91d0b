package com.pitchgate.learn;

import com.pitchgate.spi.Queue;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How many training examples a space has, in each queue, and how many of them a person overrode. */
public record ExampleCounts(int total, Map<Queue, Integer> perQueue, int overridden) {

    public ExampleCounts {
        EnumMap<Queue, Integer> all = new EnumMap<>(Queue.class);
        for (Queue queue : Queue.values()) {
            all.put(queue, perQueue.getOrDefault(queue, 0));
        }
        perQueue = Map.copyOf(all);
    }

    public static ExampleCounts of(Collection<Example> examples) {
        Map<Queue, Integer> perQueue = examples.stream()
                .collect(Collectors.groupingBy(Example::queue, () -> new EnumMap<>(Queue.class),
                        Collectors.summingInt(e -> 1)));
        int overridden = (int) examples.stream().filter(Example::overridden).count();
        return new ExampleCounts(examples.size(), perQueue, overridden);
    }

    public int in(Queue queue) {
        return perQueue.get(queue);
    }

    /** "64 examples (forward 30, requires_intro 12, auto_decline 22), 9 overridden" */
    @Override
    public String toString() {
        return total + " examples (forward " + in(Queue.FORWARD) + ", requires_intro " + in(Queue.REQUIRES_INTRO)
                + ", auto_decline " + in(Queue.AUTO_DECLINE) + "), " + overridden + " overridden";
    }
}
