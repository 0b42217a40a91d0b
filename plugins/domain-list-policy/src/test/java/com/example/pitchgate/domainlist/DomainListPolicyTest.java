package com.example.pitchgate.domainlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainListPolicyTest {

    @TempDir
    Path folder;

    @Test
    void declinesListedDomainsAndTheirSubdomains() throws Exception {
        DomainListPolicy policy = policy(Map.of());
        PolicyOutcome outcome = policy.evaluate(pitch("sales@eu.leadfarm.example"), CONTEXT);
        assertEquals(Queue.AUTO_DECLINE, outcome.verdict().orElseThrow().queue());
        assertTrue(outcome.verdict().orElseThrow().detail().contains("leadfarm.example"));
    }

    @Test
    void leavesOtherDomainsAlone() throws Exception {
        DomainListPolicy policy = policy(Map.of());
        assertTrue(policy.evaluate(pitch("anna@notleadfarm.example"), CONTEXT).verdict().isEmpty());
        assertTrue(policy.evaluate(pitch("anna@example"), CONTEXT).signals().isEmpty());
    }

    @Test
    void canForwardOrOnlyWeigh() throws Exception {
        assertEquals(Queue.FORWARD, policy(Map.of("action", "forward")).evaluate(pitch("x@partner.example"), CONTEXT)
                .verdict().orElseThrow().queue());
        PolicyOutcome weighed = policy(Map.of("action", "signal", "weight", -4.5)).evaluate(pitch("x@partner.example"), CONTEXT);
        assertTrue(weighed.verdict().isEmpty());
        assertEquals(-4.5, weighed.signals().get(0).weight());
    }

    @Test
    void badSettingsNameTheField() {
        PolicyException noFile = assertThrows(PolicyException.class, () -> {
            new DomainListPolicy().init(new PolicyConfig("blocked", Map.of()));
        });
        assertTrue(noFile.getMessage().contains("setting 'file'"), noFile.getMessage());
        PolicyException badAction = assertThrows(PolicyException.class, () -> policy(Map.of("action", "maybe")));
        assertTrue(badAction.getMessage().contains("setting 'action'"), badAction.getMessage());
        PolicyException missing = assertThrows(PolicyException.class, () ->
                new DomainListPolicy().init(new PolicyConfig("blocked", Map.of("file", folder.resolve("none.txt").toString()))));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }

    private DomainListPolicy policy(Map<String, Object> settings) throws Exception {
        Path list = folder.resolve("domains.txt");
        Files.writeString(list, "# lead sellers\nleadfarm.example\n@partner.example  # with an at sign\n\n");
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("file", list.toString());
        DomainListPolicy policy = new DomainListPolicy();
        policy.init(new PolicyConfig("blocked", all));
        return policy;
    }

    private static Pitch pitch(String email) {
        String domain = email.substring(email.indexOf('@') + 1);
        return new Pitch(1, "email", new Pitch.Address(email, "", domain), Optional.empty(), Optional.of(domain), "",
                "hello", List.of(), "en", Map.of(), Set.of(), Set.of(), List.of(), Pitch.Fit.NONE);
    }

    private static final ScreeningContext CONTEXT = new ScreeningContext() {
        @Override
        public SpaceProfile space() {
            return new SpaceProfile("s", "S", List.of("en"), "", List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        @Override
        public Instant now() {
            return Instant.EPOCH;
        }

        @Override
        public Optional<KnownContact> contactByEmail(String email) {
            return Optional.empty();
        }

        @Override
        public Optional<KnownContact> personByName(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<StandingDecline> standingDecline(String email, Optional<String> organisation) {
            return Optional.empty();
        }
    };
}
