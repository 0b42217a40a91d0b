package com.pitchgate.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * A request with a body that is refused (401, 404, 415, 429... often before its body is read) is
 * answered with {@code Connection: close}. The server closes such a connection anyway, since the rest
 * of the body is not read; saying so lets the client know not to reuse it, rather than find it closed
 * (or hang) on its next request.
 */
public final class CloseAfterRefusal implements ContainerResponseFilter {

    private static final String CONNECTION = "Connection";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (response.getStatus() >= 400 && hasBody && !response.getHeaders().containsKey(CONNECTION)) {
            response.getHeaders().putSingle(CONNECTION, "close");
        }
    }
}
