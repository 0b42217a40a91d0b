package com.pitchgate.space;

import com.pitchgate.policy.PolicyChainConfig;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;

/**
 * A space as described in {@code config.yml}. A freelancer is a space with one member.
 *
 * @param contacts people the space already deals with: their mail is forwarded, and a pitch that
 *                 names them as intermediary is an introduced pitch
 * @param allow    addresses or domains whose mail is always forwarded
 * @param block    addresses or domains whose mail is always declined
 * @param addresses the addresses pitches to this space are sent to (accepted by the SMTP intake)
 * @param policies  this space's own policy chain, in place of the server's {@code policies:}
 * @param rules     this space's own declarative rules, in place of the server's {@code rules:}
 */
public record SpaceConfig(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be lower-case letters, digits and dashes") String id,
        @NotBlank String name,
        List<String> languages,
        @Valid @NotNull Person manager,
        String description,
        List<String> needs,
        List<String> notWanted,
        List<String> keywords,
        @Valid List<MemberConfig> members,
        @Valid List<Person> contacts,
        List<String> allow,
        List<String> block,
        List<@Email String> addresses,
        @Valid PolicyChainConfig policies,
        List<Map<String, Object>> rules) {

    public SpaceConfig {
        languages = languages == null ? List.of("en") : List.copyOf(languages);
        needs = orEmpty(needs);
        notWanted = orEmpty(notWanted);
        keywords = orEmpty(keywords);
        members = members == null ? List.of() : List.copyOf(members);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        allow = orEmpty(allow);
        block = orEmpty(block);
        addresses = orEmpty(addresses);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Someone with a name and an address: the manager, or a known contact. */
    public record Person(@NotBlank String name, @NotBlank @Email String email, String organisation) {
    }

    /** A member of the space and what they welcome. */
    public record MemberConfig(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "must be lower-case letters, digits and dashes") String id,
            @NotBlank String name,
            @NotBlank @Email String email,
            List<String> skills,
            List<String> interests,
            List<String> openTo) {
    }
}
