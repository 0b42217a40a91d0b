package com.pitchgate.crm;

import com.pitchgate.analyze.Organisations;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Organization;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a member's network from a CSV file ({@code name,email,organisation}, with or without that
 * header) or from vCards (FN, EMAIL, ORG), as exported by address books.
 */
public final class NetworkImport {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private NetworkImport() {
    }

    /** One person of the network; {@code organisation} is a domain, when one could be read. */
    public record Person(String name, Optional<String> email, Optional<String> organisation) {
    }

    public static List<Person> csv(String text) throws IOException {
        List<Person> people = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            Map<String, Integer> columns = Map.of("name", 0, "email", 1, "organisation", 2);
            boolean first = true;
            for (CSVRecord record : parser) {
                if (first) {
                    first = false;
                    Map<String, Integer> header = header(record);
                    if (!header.isEmpty()) {
                        columns = header;
                        continue;
                    }
                }
                String name = field(record, columns.get("name"));
                Optional<String> email = Optional.ofNullable(field(record, columns.get("email"))).filter(e -> e.contains("@"))
                        .map(e -> e.toLowerCase(Locale.ROOT));
                Optional<String> organisation = domain(field(record, columns.get("organisation")));
                if (email.isPresent() || organisation.isPresent()) {
                    people.add(new Person(name == null ? "" : name, email, organisation));
                }
            }
        }
        return people;
    }

    public static List<Person> vcard(String text) {
        List<Person> people = new ArrayList<>();
        for (VCard card : Ezvcard.parse(text).all()) {
            String name = Optional.ofNullable(card.getFormattedName()).map(FormattedName::getValue).orElse("");
            Optional<String> organisation = Optional.ofNullable(card.getOrganization()).map(Organization::getValues)
                    .filter(v -> !v.isEmpty()).flatMap(v -> domain(v.get(0)));
            List<Email> emails = card.getEmails();
            if (emails.isEmpty() && organisation.isPresent()) {
                people.add(new Person(name, Optional.empty(), organisation));
            }
            for (Email email : emails) {
                if (email.getValue() != null && email.getValue().contains("@")) {
                    people.add(new Person(name, Optional.of(email.getValue().strip().toLowerCase(Locale.ROOT)), organisation));
                }
            }
        }
        return people;
    }

    private static Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).toLowerCase(Locale.ROOT);
            if (name.equals("name") || name.equals("email") || name.equals("organisation") || name.equals("organization")) {
                columns.put(name.equals("organization") ? "organisation" : name, i);
            }
        }
        return columns.containsKey("email") || columns.containsKey("organisation") ? columns : Map.of();
    }

    private static String field(CSVRecord record, Integer column) {
        return column == null || column >= record.size() ? null : record.get(column);
    }

    /** A domain, from "acme.example" or "@acme.example"; a company name alone is not one. */
    public static Optional<String> domain(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String candidate = value.strip().toLowerCase(Locale.ROOT);
        if (candidate.startsWith("@")) {
            candidate = candidate.substring(1);
        }
        return DOMAIN.matcher(candidate).matches() && !Organisations.isPersonalDomain(candidate)
                ? Optional.of(candidate) : Optional.empty();
    }
}
