package com.pitchgate.access;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** {@code @RolesAllowed("manager")} lets in managers and admins, as {@link Role#grants} says. */
public final class CallerAuthorizer implements Authorizer<Caller> {
    @Override
    public boolean authorize(Caller caller, String role, ContainerRequestContext request) {
        return caller.role().grants(role);
    }
}
