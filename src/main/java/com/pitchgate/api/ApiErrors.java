package com.pitchgate.api;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Errors as Dropwizard writes them: {@code {"code": 404, "message": "..."}}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static WebApplicationException error(Response.Status status, String message) {
        return new WebApplicationException(message, response(status.getStatusCode(), message));
    }

    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorMessage(status, message)).build();
    }
}
