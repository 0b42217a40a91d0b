package com.pitchgate.resources;

import com.pitchgate.ingest.IntakeBudget;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;

/** No room came for a request body within the wait ({@link RequestBodyBudget}): 503, try again later. */
public final class BusyMapper implements ExceptionMapper<IntakeBudget.Exhausted> {
    @Override
    public Response toResponse(IntakeBudget.Exhausted e) {
        return busy(e);
    }

    /**
     * The 503, when {@code e} came of a body that found no room: Jackson wraps what a stream throws
     * while it reads a field, so a chunked JSON body that runs out of room reaches the JSON mappers.
     */
    static Optional<Response> ifBusy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IntakeBudget.Exhausted exhausted) {
                return Optional.of(busy(exhausted));
            }
        }
        return Optional.empty();
    }

    private static Response busy(IntakeBudget.Exhausted e) {
        return Response.fromResponse(ApiErrors.response(503, e.getMessage()))
                .header("Retry-After", RequestBodyBudget.RETRY_AFTER_SECONDS).build();
    }
}
