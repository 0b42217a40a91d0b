package com.pitchgate.resources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * JSON that cannot be read gets a 400 that says where and what, rather than Dropwizard's default
 * "Unable to process JSON". These mappers are more specific than Dropwizard's, so Jersey picks them.
 */
public final class JsonErrorMappers {

    private JsonErrorMappers() {
    }

    /** Not JSON at all, or broken JSON. */
    public static final class Malformed implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return BusyMapper.ifBusy(e).orElseGet(() -> malformed(e));
        }

        private static Response malformed(JsonParseException e) {
            return ApiErrors.response(400, "malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
    }

    /** JSON of the wrong shape: a field of the wrong type, an unknown field. */
    public static final class WrongShape implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return BusyMapper.ifBusy(e).orElseGet(() -> wrongShape(e));
        }

        private static Response wrongShape(JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String problem;
            if (e instanceof UnrecognizedPropertyException unknown) {
                problem = "unknown field '" + field + "'; known fields are " + unknown.getKnownPropertyIds();
            } else if (field.isEmpty()) {
                problem = "the body does not have the expected shape: " + e.getOriginalMessage();
            } else {
                problem = "field '" + field + "' has the wrong type: " + firstLine(e.getOriginalMessage());
            }
            return ApiErrors.response(400, "invalid JSON" + at(e.getLocation()) + ": " + problem);
        }
    }

    /**
     * JSON beyond Jackson's processing limits (nesting deeper than 1000, a string over 20 million
     * characters, a huge number): without this, Dropwizard's mapper answers "Unable to process JSON".
     */
    public static final class TooComplex implements ExceptionMapper<StreamConstraintsException> {
        @Override
        public Response toResponse(StreamConstraintsException e) {
            return ApiErrors.response(400, "JSON beyond the limits" + at(e.getLocation()) + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /**
     * A body whose bytes are not text in the encoding Jackson detected from its first bytes (e.g. it
     * starts with NULs and is taken for UTF-32): a plain IOException, a 500 without this mapper.
     * Found by FormIntakeFuzzTest.
     */
    public static final class BadEncoding implements ExceptionMapper<CharConversionException> {
        @Override
        public Response toResponse(CharConversionException e) {
            return ApiErrors.response(400, "the body is not valid text: " + e.getMessage());
        }
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
