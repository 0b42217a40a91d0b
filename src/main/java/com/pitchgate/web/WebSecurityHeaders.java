package com.pitchgate.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Defence in depth for the review pages, which show text written by strangers: even if some of it
 * escaped the templates' escaping, the browser would run no script (the pages use none), load
 * nothing from elsewhere, post forms only here, and not show the pages in another site's frame.
 */
public final class WebSecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("ui") && !path.startsWith("ui/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        if (!path.startsWith("ui/static/")) {
            // Pages show pitches and sessions: no copy in shared caches or the back-forward cache of a shared computer.
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
