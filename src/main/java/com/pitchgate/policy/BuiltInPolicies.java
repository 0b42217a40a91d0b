package com.pitchgate.policy;

import com.pitchgate.policy.builtin.BulkPolicy;
import com.pitchgate.policy.builtin.FitPolicy;
import com.pitchgate.policy.builtin.HomeworkPolicy;
import com.pitchgate.policy.builtin.InquiryPolicy;
import com.pitchgate.policy.builtin.IntroPolicy;
import com.pitchgate.policy.builtin.KnownSenderPolicy;
import com.pitchgate.policy.builtin.NoMemoryPolicy;
import com.pitchgate.spi.Policy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The policies that ship with Pitchgate, by the name {@code config.yml} uses for them. */
public final class BuiltInPolicies {

    private static final Map<String, Supplier<Policy>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("known_sender", KnownSenderPolicy::new);
        FACTORIES.put("no_memory", NoMemoryPolicy::new);
        FACTORIES.put("intro", IntroPolicy::new);
        FACTORIES.put("bulk", BulkPolicy::new);
        FACTORIES.put("inquiry", InquiryPolicy::new);
        FACTORIES.put("fit", FitPolicy::new);
        FACTORIES.put("homework", HomeworkPolicy::new);
    }

    private BuiltInPolicies() {
    }

    public static Optional<Policy> create(String name) {
        return Optional.ofNullable(FACTORIES.get(name)).map(Supplier::get);
    }

    public static java.util.Set<String> names() {
        return FACTORIES.keySet();
    }
}
