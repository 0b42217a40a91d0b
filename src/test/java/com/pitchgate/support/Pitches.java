package com.pitchgate.support;

import com.pitchgate.spi.ForwardingScreeningContext;
import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.RaisedSignal;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.SpaceProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Analysed pitches and screening contexts built by hand, for unit tests of policies and routing. */
public final class Pitches {

    private Pitches() {
    }

    public static Pitch pitch(String email, String body) {
        return pitch(email, body, Pitch.Fit.NONE);
    }

    public static Pitch pitch(String email, String body, Pitch.Fit fit) {
        String domain = email.substring(email.indexOf('@') + 1);
        return new Pitch(1, "form", new Pitch.Address(email, "", domain), Optional.empty(), Optional.of(domain), "", body,
                List.of(), "en", Map.of(), Set.of(), Set.of(body.split("\\s+")), List.of(), fit);
    }

    /** A pitch with something in every field a rule condition can look at. */
    public static Pitch withEverythingRulesRead() {
        return new Pitch(7, "email",
                new Pitch.Address("ceo@blockchain-wins.example", "Max", "blockchain-wins.example"), Optional.empty(),
                Optional.of("blockchain-wins.example"), "Partnership with NFT drops",
                "Hello, we sell crypto wallets and NFT drops to coworking members.",
                List.of(new Pitch.Attachment("deck.pdf", "application/pdf", "Tokenomics deck")), "en",
                Map.of("x-mailer", List.of("Lemlist 2.0")), Set.of(), Set.of("crypto", "wallet"), List.of("Marie"),
                new Pitch.Fit(0.05, Map.of("ana", 0.3), Map.of()),
                new MessageKind(MessageKind.OFFER, Map.of(MessageKind.OFFER, 0.8, MessageKind.BULK, 0.2)));
    }

    public static SpaceProfile space(List<String> allow, List<String> block) {
        return new SpaceProfile("s", "Ruche", List.of("en"), "", List.of(), List.of(), List.of(), List.of(
                new SpaceProfile.MemberProfile("ana", "Ana Lopez", "ana@ruche.example", List.of(), List.of(), List.of()),
                new SpaceProfile.MemberProfile("bo", "Bo Chen", "bo@ruche.example", List.of(), List.of(), List.of())),
                allow, block);
    }

    /** {@code base}, as a policy placed after others sees it: with the signals they raised. */
    public static ScreeningContext withSignals(ScreeningContext base, List<RaisedSignal> signalsSoFar) {
        return new ForwardingScreeningContext(base) {
            @Override
            public List<RaisedSignal> signalsSoFar() {
                return signalsSoFar;
            }
        };
    }

    /** A context with a profile and nothing in the CRM. */
    public static ScreeningContext context(SpaceProfile space) {
        return context(space, List.of());
    }

    /** A context with a profile, nothing in the CRM, and these signals raised by earlier policies. */
    public static ScreeningContext context(SpaceProfile space, List<RaisedSignal> signalsSoFar) {
        return new ScreeningContext() {
            @Override
            public SpaceProfile space() {
                return space;
            }

            @Override
            public Instant now() {
                return Instant.parse("2026-11-23T10:00:00Z");
            }

            @Override
            public Optional<KnownContact> contactByEmail(String email) {
                return space.members().stream().filter(m -> m.email().equals(email)).findFirst()
                        .map(m -> new KnownContact("member", m.name(), m.email(), Optional.of(m.id())));
            }

            @Override
            public Optional<KnownContact> personByName(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<StandingDecline> standingDecline(String email, Optional<String> organisation) {
                return Optional.empty();
            }

            @Override
            public List<RaisedSignal> signalsSoFar() {
                return signalsSoFar;
            }
        };
    }
}
