package com.pitchgate.resources;

import com.pitchgate.ingest.CountingInputStream;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Refuses request bodies over the intake limit with 413: at once when Content-Length says so, and
 * while reading when the body is chunked.
 */
@PreMatching
public final class RequestSizeLimit implements ContainerRequestFilter {

    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CountingInputStream(request.getEntityStream(), read -> {
                if (read > maxBytes) {
                    throw tooLarge();
                }
            }));
        }
    }

    private WebApplicationException tooLarge() {
        return ApiErrors.tooLarge("the request body is larger than the " + maxBytes + "-byte limit (intake.maxMessageSize)");
    }
}
