package com.pitchgate.resources;

import com.pitchgate.ingest.InvalidPitchException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** A submission that is not a pitch: 400, saying why. */
public final class InvalidPitchMapper implements ExceptionMapper<InvalidPitchException> {
    @Override
    public Response toResponse(InvalidPitchException e) {
        return ApiErrors.response(400, e.getMessage());
    }
}
