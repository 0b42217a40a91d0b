package com.pitchgate.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** With {@code auth.enabled: false}, every request is the unrestricted caller. For local development only. */
@Priority(Priorities.AUTHENTICATION)
public final class UnrestrictedAccess implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return Caller.UNRESTRICTED;
            }

            @Override
            public boolean isUserInRole(String role) {
                return true;
            }

            @Override
            public boolean isSecure() {
                return request.getUriInfo().getRequestUri().getScheme().equals("https");
            }

            @Override
            public String getAuthenticationScheme() {
                return "none";
            }
        });
    }
}
