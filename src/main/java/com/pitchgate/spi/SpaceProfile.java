package com.pitchgate.spi;

import java.util.List;
import java.util.Optional;

/**
 * The recipient a pitch is screened for: a coworking space and its members, or a freelancer (a
 * space of one).
 *
 * @param id          stable identifier, used in URLs
 * @param name        display name
 * @param languages   the languages the space works in (ISO 639-1)
 * @param description what the space is, in its own words
 * @param needs       what it is looking for now; a pitch answering one of these is welcome
 * @param notWanted   what it does not want to be offered
 * @param keywords    words specific to the space (its street, its events) that show a sender did
 *                    their homework
 * @param members     its members
 * @param allow       addresses or domains whose mail always reaches the space
 * @param block       addresses or domains whose mail is always declined
 */
public record SpaceProfile(
        String id,
        String name,
        List<String> languages,
        String description,
        List<String> needs,
        List<String> notWanted,
        List<String> keywords,
        List<MemberProfile> members,
        List<String> allow,
        List<String> block) {

    public SpaceProfile {
        languages = languages == null ? List.of() : List.copyOf(languages);
        description = description == null ? "" : description;
        needs = needs == null ? List.of() : List.copyOf(needs);
        notWanted = notWanted == null ? List.of() : List.copyOf(notWanted);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        members = members == null ? List.of() : List.copyOf(members);
        allow = allow == null ? List.of() : List.copyOf(allow);
        block = block == null ? List.of() : List.copyOf(block);
    }

    public Optional<MemberProfile> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    /**
     * A member of the space.
     *
     * @param openTo kinds of offers the member is happy to receive
     */
    public record MemberProfile(
            String id,
            String name,
            String email,
            List<String> skills,
            List<String> interests,
            List<String> openTo) {

        public MemberProfile {
            skills = skills == null ? List.of() : List.copyOf(skills);
            interests = interests == null ? List.of() : List.copyOf(interests);
            openTo = openTo == null ? List.of() : List.copyOf(openTo);
        }
    }
}
