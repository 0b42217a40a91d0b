package com.pitchgate.api;

import com.pitchgate.access.Role;
import com.pitchgate.policy.NamedPolicy;
import jakarta.annotation.security.RolesAllowed;
import com.pitchgate.policy.PolicyChain;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The policy chain as loaded: order, origin, version, time budget and how each has behaved. */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public final class PolicyResource {

    private final PolicyChain chain;

    public PolicyResource(PolicyChain chain) {
        this.chain = chain;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public List<PolicyView> list() {
        List<PolicyView> views = new ArrayList<>();
        int order = 1;
        for (NamedPolicy policy : chain.policies()) {
            views.add(new PolicyView(order++, policy.name(), policy.type().name(), policy.type().origin(),
                    policy.type().version(), policy.type().description(), policy.timeout().toMillis(),
                    policy.evaluations(), policy.failures(), policy.consecutiveFailures(), policy.lastFailure()));
        }
        return views;
    }

    /**
     * One policy in the chain.
     *
     * @param policy the policy it runs (differs from {@code name} when the entry has {@code use:})
     * @param origin {@code built-in}, or the plugin file it came from
     */
    public record PolicyView(int order, String name, String policy, String origin, String version, String description,
            long timeoutMillis, long evaluations, long failures, long consecutiveFailures, String lastFailure) {
    }
}
