package com.pitchgate.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.extract.FormSubmission;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.ingest.InvalidPitchException;
import com.pitchgate.ingest.RawMessageCheck;
import com.pitchgate.spi.Queue;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a labelled data set: a folder searched recursively for pitches, one per file, each an
 * {@code .eml} e-mail (RFC 822) or a {@code .json} web-form post (the fields of
 * {@code POST /api/pitches}). The queue a pitch should go to is the name of a folder it is in
 * ({@code forward/}, {@code requires_intro/}, {@code auto_decline/}) or is given in the file
 * ({@code X-Pitchgate-Expected-Queue:} header, {@code "expectedQueue"} field); a genuine inquiry is
 * marked with {@code X-Pitchgate-Genuine-Inquiry: yes} or {@code "genuineInquiry": true}. Labels are
 * taken out before the pitch is screened. Other files (a README, a licence) and hidden ones are
 * skipped; a pitch file that cannot be used is an error naming the file.
 */
public final class LabeledSet {

    static final String EXPECTED_FIELD = "expectedQueue";
    static final String GENUINE_FIELD = "genuineInquiry";
    static final String CASE_FIELD = "case";

    private final ObjectMapper json;
    private final Validator validator;

    public LabeledSet(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The examples under {@code folder}, in file-name order. */
    public List<LabeledExample> read(Path folder) throws IOException, InvalidLabeledSetException {
        if (!Files.isDirectory(folder)) {
            throw new InvalidLabeledSetException(List.of(folder + ": not a folder"));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(file -> !hidden(folder.relativize(file)))
                    .filter(file -> extension(file).isPresent()).sorted().toList();
        }
        List<LabeledExample> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            Path relative = folder.relativize(file);
            try {
                examples.add(extension(file).get().equals("eml") ? mail(relative, Files.readAllBytes(file))
                        : form(relative, Files.readAllBytes(file)));
            } catch (ExampleProblem e) {
                problems.add(relative + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidLabeledSetException(problems);
        }
        return examples;
    }

    private LabeledExample mail(Path file, byte[] raw) throws ExampleProblem {
        MailLabels.Split split = MailLabels.split(raw);
        try {
            RawMessageCheck.check(split.message());
        } catch (InvalidPitchException e) {
            throw new ExampleProblem(e.getMessage());
        }
        Optional<Queue> stated = stated(split.labels().get(MailLabels.EXPECTED_QUEUE), "header X-Pitchgate-Expected-Queue");
        boolean genuine = yes(split.labels().get(MailLabels.GENUINE_INQUIRY));
        String label = Optional.ofNullable(split.labels().get(MailLabels.CASE)).orElse(folderLabel(file));
        return new LabeledExample(file, IntakeService.EMAIL, split.message(), expected(file, stated), genuine, label);
    }

    private LabeledExample form(Path file, byte[] raw) throws ExampleProblem {
        JsonNode tree;
        try {
            tree = json.readTree(raw);
        } catch (IOException e) {
            throw new ExampleProblem("not valid JSON: " + originalMessage(e));
        }
        if (!(tree instanceof ObjectNode fields)) {
            throw new ExampleProblem("must hold one JSON object, a web-form pitch");
        }
        JsonNode expectedNode = fields.remove(EXPECTED_FIELD);
        JsonNode genuineNode = fields.remove(GENUINE_FIELD);
        JsonNode caseNode = fields.remove(CASE_FIELD);
        if (caseNode != null && !caseNode.isTextual()) {
            throw new ExampleProblem("\"" + CASE_FIELD + "\" must be a case name");
        }
        if (genuineNode != null && !genuineNode.isBoolean()) {
            throw new ExampleProblem("\"" + GENUINE_FIELD + "\" must be true or false");
        }
        if (expectedNode != null && !expectedNode.isTextual()) {
            throw new ExampleProblem("\"" + EXPECTED_FIELD + "\" must be a queue name");
        }
        FormSubmission form;
        byte[] pitch;
        try {
            form = json.treeToValue(fields, FormSubmission.class);
            pitch = json.writeValueAsBytes(form);
        } catch (JsonProcessingException e) {
            throw new ExampleProblem("not a web-form pitch: " + originalMessage(e));
        }
        List<String> violations = validator.validate(form).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList();
        if (!violations.isEmpty()) {
            throw new ExampleProblem(String.join("; ", violations));
        }
        Optional<String> attachmentProblem = form.attachmentProblem();
        if (attachmentProblem.isPresent()) {
            throw new ExampleProblem(attachmentProblem.get());
        }
        Optional<Queue> stated = stated(expectedNode == null ? null : expectedNode.asText(), "\"" + EXPECTED_FIELD + "\"");
        return new LabeledExample(file, IntakeService.FORM, pitch, expected(file, stated),
                genuineNode != null && genuineNode.asBoolean(), caseNode == null ? folderLabel(file) : caseNode.asText());
    }

    /** The queue the file states, and the one its folder names: at least one, and they must agree. */
    private static Queue expected(Path file, Optional<Queue> stated) throws ExampleProblem {
        Optional<Queue> byFolder = folderQueue(file);
        if (stated.isPresent() && byFolder.isPresent() && stated.get() != byFolder.get()) {
            throw new ExampleProblem("it says " + stated.get() + " but is in a " + byFolder.get() + " folder");
        }
        return stated.or(() -> byFolder).orElseThrow(() -> new ExampleProblem(
                "no expected queue: put it in a folder named " + queueNames() + ", or state it in the file"));
    }

    /**
     * The queue named by the nearest folder around the file that is named after one, or by a folder
     * of real mail such as the SpamAssassin corpus's: ham (easy-ham-1, hard-ham-1) is not a pitch
     * and must reach a person; spam is declined.
     */
    private static Optional<Queue> folderQueue(Path file) {
        for (Path parent = file.getParent(); parent != null; parent = parent.getParent()) {
            String name = parent.getFileName().toString();
            Optional<Queue> queue = Queue.fromId(name);
            if (queue.isPresent()) {
                return queue;
            }
            String label = mailLabel(name);
            if (!label.isEmpty()) {
                return Optional.of(label.equals(LabeledExample.HAM) ? Queue.FORWARD : Queue.AUTO_DECLINE);
            }
        }
        return Optional.empty();
    }

    /** {@code ham} or {@code spam} for a file in a folder of real mail so named; otherwise empty. */
    private static String folderLabel(Path file) {
        for (Path parent = file.getParent(); parent != null; parent = parent.getParent()) {
            String label = mailLabel(parent.getFileName().toString());
            if (!label.isEmpty()) {
                return label;
            }
        }
        return "";
    }

    private static String mailLabel(String folder) {
        String name = folder.toLowerCase(Locale.ROOT);
        return name.matches("(?:.*[-_])?spam(?:[-_].*)?") ? LabeledExample.SPAM
                : name.matches("(?:.*[-_])?ham(?:[-_].*)?") ? LabeledExample.HAM : "";
    }

    private static Optional<Queue> stated(String value, String where) throws ExampleProblem {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Queue> queue = Queue.fromId(value.strip().toLowerCase(Locale.ROOT));
        if (queue.isEmpty()) {
            throw new ExampleProblem(where + " names no queue: '" + value + "'; queues are " + queueNames());
        }
        return queue;
    }

    private static boolean yes(String value) throws ExampleProblem {
        if (value == null) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw new ExampleProblem("header X-Pitchgate-Genuine-Inquiry must be yes or no, not '" + value + "'");
        };
    }

    private static Optional<String> extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".eml") ? Optional.of("eml") : name.endsWith(".json") ? Optional.of("json") : Optional.empty();
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    }

    private static String queueNames() {
        return Arrays.stream(Queue.values()).map(Queue::id).collect(Collectors.joining(", "));
    }

    /** What makes one file unusable; collected so that all of them are reported at once. */
    private static final class ExampleProblem extends Exception {
        ExampleProblem(String message) {
            super(message);
        }
    }
}
