package com.pitchgate.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.ingest.FormIntakeConfig;
import com.pitchgate.ingest.IntakePort;
import com.pitchgate.ingest.RateLimiter;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The public web form of each space: no key needed, so a honeypot field, a rate limit per client
 * address and a size limit keep robots and floods out. The sender learns that the pitch was
 * received, never how it was routed.
 */
@Path("/form/{space}")
public final class FormResource {

    private static final Set<String> FIELDS = Set.of("name", "email", "company", "subject", "message");

    private final FormIntakeConfig config;
    private final SpaceDirectory spaces;
    private final IntakePort intake;
    private final RateLimiter limiter;
    private final Validator validator;
    private final ObjectMapper json;
    private final Meter honeypotHits;

    public FormResource(FormIntakeConfig config, SpaceDirectory spaces, IntakePort intake, RateLimiter limiter,
            Validator validator, ObjectMapper json, MetricRegistry metrics) {
        this.config = config;
        this.spaces = spaces;
        this.intake = intake;
        this.limiter = limiter;
        this.validator = validator;
        this.json = json;
        this.honeypotHits = metrics.meter("pitchgate.forms.honeypot");
    }

    @POST
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    public Response submit(@PathParam("space") String spaceId, @Context HttpHeaders headers,
            @Context HttpServletRequest request, InputStream body) throws IOException {
        Space space = spaces.find(spaceId).orElseThrow(() -> ApiErrors.error(Response.Status.NOT_FOUND,
                "unknown space '" + spaceId + "'"));
        Duration wait = limiter.acquire(clientAddress(request));
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new io.dropwizard.jersey.errors.ErrorMessage(429,
                            "too many submissions from your address; try again in " + seconds + " s"))
                    .build();
        }
        long limit = config.maxSize.toBytes();
        if (request.getContentLengthLong() > limit) {
            throw ApiErrors.tooLarge("the form is larger than " + config.maxSize);
        }
        byte[] raw = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (raw.length > limit) {
            throw ApiErrors.tooLarge("the form is larger than " + config.maxSize);
        }
        boolean htmlForm = headers.getMediaType() != null
                && headers.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        Map<String, String> fields = htmlForm ? FormParsing.urlEncoded(raw) : FormParsing.jsonFields(json, raw);
        String honeypot = fields.remove(config.honeypotField);
        if (honeypot != null && !honeypot.isBlank()) {
            honeypotHits.mark();
            return received(htmlForm);
        }
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "unknown field(s) " + unknown + "; fields are "
                    + new TreeSet<>(FIELDS));
        }
        FormSubmission form = new FormSubmission(fields.get("name"), fields.get("email"), fields.get("company"),
                fields.get("subject"), fields.get("message"), List.of());
        Set<ConstraintViolation<FormSubmission>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            List<String> errors = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("code", 422,
                    "message", "the form has errors: " + String.join("; ", errors), "errors", errors)).build();
        }
        intake.receive(intake.form(space, form));
        return received(htmlForm);
    }

    private static Response received(boolean htmlForm) {
        if (htmlForm) {
            return Response.accepted("<!doctype html><html><head><meta charset=\"utf-8\"><title>Thank you</title></head>"
                    + "<body><p>Thank you, your message was received. / Merci, votre message a bien été reçu.</p></body></html>")
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.accepted(Map.of("status", "received")).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String clientAddress(HttpServletRequest request) {
        if (config.trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.getRemoteAddr();
    }
}
