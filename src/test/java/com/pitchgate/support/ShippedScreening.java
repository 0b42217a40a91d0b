package com.pitchgate.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.learn.SpaceModels;
import com.pitchgate.route.Decision;
import com.pitchgate.screen.ScreeningStages;
import com.pitchgate.space.Space;
import io.dropwizard.jackson.Jackson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The screening stages of the shipped {@code config.yml} (its space la-fabrique, its members and
 * contacts, its policy chain), as the server builds them, with the configured contacts as the only
 * CRM: a pitch in, a decision out, through real extraction, analysis, policies and routing.
 */
public final class ShippedScreening implements AutoCloseable {

    private final ScreeningStages stages;
    private final Space space;
    private final CrmMemory crm;
    private final ObjectMapper json = Jackson.newObjectMapper();

    public ShippedScreening() throws Exception {
        PitchgateConfiguration config = ConfigFiles.load("config.yml");
        this.stages = ScreeningStages.build(config, json, new SpaceModels());
        this.space = stages.spaces().defaultSpace();
        this.crm = CrmMemory.configured(List.of(space));
    }

    /** The decision for a raw RFC 822 message. */
    public Decision mail(String message) {
        return stages.screener().screen(1, message.getBytes(StandardCharsets.UTF_8), "email", context()).decision();
    }

    /** The decision for a web-form post, as its JSON. */
    public Decision form(String name, String email, String company, String subject, String message) throws Exception {
        byte[] raw = json.writeValueAsBytes(new com.pitchgate.extract.FormSubmission(name, email, company, subject, message, List.of()));
        return stages.screener().screen(1, raw, "form", context()).decision();
    }

    private CrmContext context() {
        return new CrmContext(space.profile(), crm, Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Override
    public void close() {
        stages.close();
    }
}
