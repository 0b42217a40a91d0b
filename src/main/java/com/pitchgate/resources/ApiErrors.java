package com.pitchgate.resources;

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

    /**
     * 413 for a body too large to read: the connection is closed after it, since the rest of the body
     * is left unread and would otherwise be taken for the next request.
     */
    public static WebApplicationException tooLarge(String message) {
        return new WebApplicationException(message, Response.fromResponse(response(413, message)).header("Connection", "close").build());
    }

    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorMessage(status, message)).build();
    }
}
