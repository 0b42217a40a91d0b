package com.pitchgate.web;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URI;
import java.util.List;

/** The review pages' refusals as HTML, and the way to the sign-in page. */
public final class WebErrorMappers {

    private WebErrorMappers() {
    }

    /** 303 to the sign-in page (after a POST too, so that the browser follows with a GET). */
    public static final class ToSignIn implements ExceptionMapper<SignInRequired> {
        @Override
        public Response toResponse(SignInRequired e) {
            return Response.seeOther(URI.create(WebSessions.PATH + "/signin")).build();
        }
    }

    public static final class Refused implements ExceptionMapper<PageRefusal> {

        @Context
        private HttpHeaders headers;

        @Override
        public Response toResponse(PageRefusal e) {
            Messages messages = Messages.choose(headers == null ? List.of() : headers.getAcceptableLanguages(), List.of());
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(new ErrorPage(messages, e.status(), e.messageKey())).build();
        }
    }
}
