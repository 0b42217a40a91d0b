package com.pitchgate.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pitchgate.resources.FormParsing;
import com.pitchgate.extract.ExtractedPitch;
import com.pitchgate.extract.FormExtractor;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.extract.TikaTextExtractor;
import io.dropwizard.jackson.Jackson;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * Fuzzes the form and JSON intake: the JSON of {@code POST /api/pitches} mapped to a
 * {@link FormSubmission} as Jersey does (Dropwizard's mapper, unknown fields refused), validated, then
 * read by the {@link FormExtractor}; and the body of {@code POST /form/{space}}, URL-encoded or JSON,
 * parsed as the form resource does. Allowed outcomes: a {@link JsonProcessingException} or {@link CharConversionException} (400), a
 * validation violation (422), a {@link WebApplicationException} with a 4xx, or a read pitch. Anything
 * else is a finding.
 *
 * <p>Fuzz with {@code JAZZER_FUZZ=1 mvn -B test -Dtest='FormIntakeFuzzTest#apiPitch'} (or {@code #webForm}).
 */
class FormIntakeFuzzTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final TikaTextExtractor TIKA = new TikaTextExtractor(50_000, 2);
    private static final FormExtractor EXTRACTOR = new FormExtractor(TIKA, MimeIntakeFuzzTest.limits());

    @FuzzTest(maxDuration = "5m")
    void apiPitch(byte[] body) {
        FormSubmission form;
        try {
            form = JSON.readValue(body, FormSubmission.class);
        } catch (JsonProcessingException | CharConversionException refused) {
            return; // 400 from JsonErrorMappers
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array failed", e);
        }
        if (form == null || !VALIDATOR.validate(form).isEmpty() || form.attachmentProblem().isPresent()) {
            return; // 422 or 400
        }
        long start = System.nanoTime();
        ExtractedPitch pitch = EXTRACTOR.extract(form);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis > MimeIntakeFuzzTest.BUDGET_MILLIS + 3_000) {
            throw new IllegalStateException("extraction took " + millis + " ms");
        }
        if (pitch.sender() == null || pitch.body() == null) {
            throw new IllegalStateException("incomplete pitch " + pitch);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void webForm(FuzzedDataProvider data) {
        boolean urlEncoded = data.consumeBoolean();
        byte[] body = data.consumeRemainingAsBytes();
        try {
            if (urlEncoded) {
                FormParsing.urlEncoded(body);
            } else {
                FormParsing.jsonFields(JSON, body);
            }
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status < 400 || status >= 500) {
                throw new IllegalStateException("form parsing answered " + status, refused);
            }
        }
    }
}
