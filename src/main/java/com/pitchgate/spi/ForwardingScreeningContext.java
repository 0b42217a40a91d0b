package com.pitchgate.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A context that answers everything as another does, for a plugin or a test that changes one
 * answer (another time, one more known contact): extend it and override that method only. Every
 * method of {@link ScreeningContext}, defaults included, is passed on, so a method added to the
 * interface later is passed on here too rather than answered by its default.
 */
public abstract class ForwardingScreeningContext implements ScreeningContext {

    private final ScreeningContext delegate;

    protected ForwardingScreeningContext(ScreeningContext delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public SpaceProfile space() {
        return delegate.space();
    }

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public Optional<KnownContact> contactByEmail(String email) {
        return delegate.contactByEmail(email);
    }

    @Override
    public Optional<KnownContact> personByName(String name) {
        return delegate.personByName(name);
    }

    @Override
    public Optional<KnownContact> knownAtOrganisation(String domain) {
        return delegate.knownAtOrganisation(domain);
    }

    @Override
    public Optional<KnownContact> knownAtOrganisationNamed(String name) {
        return delegate.knownAtOrganisationNamed(name);
    }

    @Override
    public Optional<StandingDecline> standingDecline(String email, Optional<String> organisation) {
        return delegate.standingDecline(email, organisation);
    }

    @Override
    public Optional<Introduction> introducerOf(String email, Optional<String> organisation) {
        return delegate.introducerOf(email, organisation);
    }

    @Override
    public List<RaisedSignal> signalsSoFar() {
        return delegate.signalsSoFar();
    }
}
