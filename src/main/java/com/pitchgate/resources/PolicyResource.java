package com.pitchgate.resources;

import com.pitchgate.access.Caller;
import com.pitchgate.access.Role;
import com.pitchgate.api.PolicyView;
import com.pitchgate.api.SignalView;
import com.pitchgate.policy.NamedPolicy;
import com.pitchgate.policy.PolicyChain;
import com.pitchgate.policy.SpaceChains;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.pitchgate.spi.Signal;

/** The policy chain as loaded: order, origin, version, time budget and how each has behaved. */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PolicyResource {

    private final SpaceChains chains;
    private final Scopes scopes;

    public PolicyResource(SpaceChains chains, Scopes scopes) {
        this.chains = chains;
        this.scopes = scopes;
    }

    /** The chain the space's pitches go through: its own, or the server's. */
    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public List<PolicyView> list(@Auth Caller caller, @QueryParam("space") String spaceId) {
        PolicyChain chain = chains.forSpace(scopes.space(caller, spaceId).id());
        List<PolicyView> views = new ArrayList<>();
        int order = 1;
        for (NamedPolicy policy : chain.policies()) {
            Map<String, Signal> configured = chain.declaredSignals();
            List<SignalView> signals = policy.policy().signals().stream().map(signal -> new SignalView(signal.name(),
                    signal.weight(), configured.get(signal.name()).weight(), signal.detail())).toList();
            views.add(new PolicyView(order++, policy.name(), policy.type().name(), policy.type().origin(),
                    policy.type().version(), policy.type().description(), policy.timeout().toMillis(),
                    policy.evaluations(), policy.failures(), policy.consecutiveFailures(), policy.lastFailure(), signals));
        }
        return views;
    }
}
