package com.pitchgate.access;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;

/** 403 as JSON, naming the role the key has. */
public final class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(ForbiddenException e) {
        String role = security != null && security.getUserPrincipal() instanceof Caller caller ? caller.role().id() : "unknown";
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(403, "this API key's role (" + role + ") does not allow this request"))
                .build();
    }
}
