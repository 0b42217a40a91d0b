package com.pitchgate.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a policy may know besides the pitch: the recipient's profile and memory. */
public interface ScreeningContext {

    /** The space the pitch was sent to. */
    SpaceProfile space();

    /** The current time; use it instead of the system clock so tests can control it. */
    Instant now();

    /** A contact the space already knows, by e-mail address (case-insensitive). */
    Optional<KnownContact> contactByEmail(String email);

    /**
     * A person the space knows, by name as written in a pitch ("Marie", "Marie Dupont"): a member
     * or a known contact. Empty when nobody matches, or when the name is ambiguous.
     */
    Optional<KnownContact> personByName(String name);

    /**
     * Someone the space knows who writes from this domain (a member or a known contact): a sender
     * from the same organisation comes through them. Never for personal mail domains. Empty when
     * nobody is known there.
     */
    default Optional<KnownContact> knownAtOrganisation(String domain) {
        return Optional.empty();
    }

    /**
     * A known contact of the organisation so named ("Atelier Moreau", in any case): a pitch naming it,
     * or sent from its staff, comes through them. Empty when nobody known works there.
     */
    default Optional<KnownContact> knownAtOrganisationNamed(String name) {
        return Optional.empty();
    }

    /** A "no" given to this sender or their organisation that has not expired or been lifted. */
    Optional<StandingDecline> standingDecline(String email, Optional<String> organisation);

    /**
     * Someone the space knows who vouches for this sender: an intro recorded for their address, or
     * for their whole organisation ("Marie knows the team at Acme").
     */
    default Optional<Introduction> introducerOf(String email, Optional<String> organisation) {
        return Optional.empty();
    }

    /**
     * The signals raised so far by the policies before this one in the chain, with their effective
     * weights. Empty for the first policy.
     */
    default List<RaisedSignal> signalsSoFar() {
        return List.of();
    }

    /**
     * Someone the space knows.
     *
     * @param kind     {@code member} or {@code contact}
     * @param memberId the member's id when {@code kind} is {@code member}
     */
    record KnownContact(String kind, String name, String email, Optional<String> memberId) {
    }

    /**
     * A recorded intro.
     *
     * @param introducer     who vouches (a member's or a contact's name)
     * @param introducerKind {@code member} or {@code contact}
     * @param scope          {@code person} (for one address) or {@code organisation}
     * @param value          the address or organisation vouched for
     */
    record Introduction(String introducer, String introducerKind, String scope, String value) {
    }

    /**
     * A "no" that still stands.
     *
     * @param scope {@code sender} or {@code organisation}
     * @param value the address or organisation it was given to
     */
    record StandingDecline(String scope, String value, Instant declinedAt, Instant expiresAt, long pitchId) {
    }
}
