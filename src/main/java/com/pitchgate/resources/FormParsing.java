package com.pitchgate.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The fields of a web-form post, URL-encoded or JSON; what cannot be read is a 400 saying why. */
public final class FormParsing {

    private FormParsing() {
    }

    public static Map<String, String> urlEncoded(byte[] raw) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.put(key, value);
            } catch (IllegalArgumentException e) {
                // A stray or truncated %-escape: URLDecoder throws instead of answering.
                throw ApiErrors.error(Response.Status.BAD_REQUEST, "the form is not valid URL encoding: " + e.getMessage());
            }
        }
        return fields;
    }

    public static Map<String, String> jsonFields(ObjectMapper json, byte[] raw) {
        try {
            Object parsed = json.readValue(raw, Object.class);
            if (!(parsed instanceof Map<?, ?> object)) {
                throw ApiErrors.error(Response.Status.BAD_REQUEST, "the form must be a JSON object of text fields");
            }
            Map<String, String> fields = new HashMap<>();
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Object value = entry.getValue();
                if (value != null && !(value instanceof String)) {
                    throw ApiErrors.error(Response.Status.BAD_REQUEST, "field '" + entry.getKey() + "' must be text");
                }
                fields.put(String.valueOf(entry.getKey()), (String) value);
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiErrors.error(Response.Status.BAD_REQUEST, "the form could not be read");
        }
    }
}
