package com.pitchgate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads API answers as JSON trees, and picks out reasons. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode body(Response response) {
        try {
            return MAPPER.readTree(response.readEntity(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signal names of a decision's reasons, as "policy/signal". */
    public static List<String> signals(JsonNode decision) {
        List<String> signals = new ArrayList<>();
        decision.path("reasons").forEach(r -> signals.add(r.path("policy").asText() + "/" + r.path("signal").asText()));
        return signals;
    }

    /** The reason that decided the queue. */
    public static JsonNode decisive(JsonNode decision) {
        for (JsonNode reason : decision.path("reasons")) {
            if (reason.path("decisive").asBoolean()) {
                return reason;
            }
        }
        throw new AssertionError("no decisive reason in " + decision);
    }

    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
