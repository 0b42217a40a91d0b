package com.example.pitchgate.domainlist;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Acts on senders whose domain (or a parent domain) is listed in a text file, one domain a line,
 * {@code #} for comments. Settings:
 * <ul>
 *   <li>{@code file} (required): the list's path;</li>
 *   <li>{@code action}: {@code decline} (default), {@code forward}, or {@code signal};</li>
 *   <li>{@code weight}: the signal's weight when {@code action} is {@code signal} (default -3).</li>
 * </ul>
 */
@PolicyInfo(name = "domain_list", version = "1.0.0",
        description = "Declines, forwards or weighs senders whose domain is in a list file.")
public final class DomainListPolicy implements Policy {

    private Set<String> domains = Set.of();
    private String action;
    private double weight;
    private Path file;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        file = Path.of(config.requiredString("file"));
        action = config.oneOf("action", "decline", List.of("decline", "forward", "signal"));
        weight = config.number("weight", -3);
        try {
            domains = read(file);
        } catch (IOException e) {
            throw config.invalid("file", "cannot be read: " + e.getMessage());
        }
    }

    static Set<String> read(Path file) throws IOException {
        Set<String> domains = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int comment = line.indexOf('#');
            String domain = (comment >= 0 ? line.substring(0, comment) : line).strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (!domain.isEmpty()) {
                domains.add(domain);
            }
        }
        return Set.copyOf(domains);
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        Optional<String> listed = listed(pitch.sender().domain());
        if (listed.isEmpty()) {
            return PolicyOutcome.nothing();
        }
        String detail = "sender domain " + pitch.sender().domain() + " is listed as " + listed.get() + " in " + file.getFileName();
        return switch (action) {
            case "forward" -> PolicyOutcome.decide(new Verdict(Queue.FORWARD, "listed_domain", detail));
            case "signal" -> PolicyOutcome.of(new Signal("listed_domain", weight, detail));
            default -> PolicyOutcome.decide(new Verdict(Queue.AUTO_DECLINE, "listed_domain", detail));
        };
    }

    /** The listed domain that covers {@code domain}: itself or one of its parents. */
    Optional<String> listed(String domain) {
        String candidate = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(candidate)) {
                return Optional.of(candidate);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(dot + 1);
        }
    }
}
