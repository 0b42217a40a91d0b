package com.pitchgate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.evaluate.InvalidLabeledSetException;
import com.pitchgate.evaluate.LabeledExample;
import com.pitchgate.evaluate.LabeledSet;
import com.pitchgate.ingest.IntakeService;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The labelled pitches under src/test/resources/labeled: French and English, in the three queues,
 * some of which the rules get wrong the way a manager would correct (community workshops the manager
 * wants forwarded; plants, furniture and phone booths the manager never buys). {@code train/} is for
 * training and {@code heldout/} for measuring.
 */
public final class LabeledPitches {

    private LabeledPitches() {
    }

    public static Path folder(String part) {
        return Path.of(ResourceHelpers.resourceFilePath("labeled")).resolve(part);
    }

    public static List<LabeledExample> read(String part) throws IOException, InvalidLabeledSetException {
        return new LabeledSet(Jackson.newObjectMapper(), Validators.newValidator()).read(folder(part));
    }

    /** Submits the pitch to a running server as its channel would, and returns the decision. */
    public static JsonNode post(Client client, int port, LabeledExample example) {
        String base = "http://localhost:" + port;
        if (IntakeService.FORM.equals(example.channel())) {
            return Json.body(client.target(base + "/api/pitches").request(MediaType.APPLICATION_JSON)
                    .post(Entity.entity(example.raw(), MediaType.APPLICATION_JSON)));
        }
        return Json.body(client.target(base + "/api/messages").request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(example.raw(), "message/rfc822")));
    }

    /** A manager's correction: {@code POST /api/pitches/{id}/override}. */
    public static JsonNode override(Client client, int port, long pitchId, String queue) {
        return Json.body(client.target("http://localhost:" + port + "/api/pitches/" + pitchId + "/override")
                .request(MediaType.APPLICATION_JSON)
                .post(Entity.json(Map.of("queue", queue, "note", "the manager knows better"))));
    }
}
