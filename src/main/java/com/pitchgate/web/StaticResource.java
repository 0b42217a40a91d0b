package com.pitchgate.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The review pages' one style sheet (a file, since the Content-Security-Policy allows no inline style). */
@Path("/ui/static")
public final class StaticResource {

    private final byte[] css;

    public StaticResource() {
        try (InputStream in = StaticResource.class.getResourceAsStream("/com/pitchgate/web/static/app.css")) {
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/app.css")
    @Produces("text/css;charset=UTF-8")
    public Response css() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(css).cacheControl(cache).build();
    }
}
