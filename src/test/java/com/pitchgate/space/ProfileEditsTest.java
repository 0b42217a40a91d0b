package com.pitchgate.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.store.Database;
import com.pitchgate.store.StoredProfileEdits;
import com.pitchgate.support.TestDatabase;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile edits: kept in the store, laid over config.yml's profiles, put back at start. */
class ProfileEditsTest {

    private TestDatabase database;
    private Jdbi jdbi;

    @BeforeEach
    void open() {
        database = TestDatabase.create(Database.Vendor.SQLITE);
        jdbi = database.jdbi();
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void anEditReplacesTheProfileInUseAndOutlivesARestart() {
        SpaceDirectory spaces = directory();
        SpaceProfile configured = spaces.defaultSpace().profile();
        ProfileEdits edits = new ProfileEdits(new StoredProfileEdits(jdbi), spaces, Clock.systemUTC());
        edits.edit("la-fabrique", ProfileEdits.SPACE, ProfileEdits.Field.NEEDS, List.of(" standing  desks ", "", "coffee",
                "coffee"), "sophie");
        edits.edit("la-fabrique", "marie", ProfileEdits.Field.OPEN_TO, List.of("prototyping tools", "3D printers"), "sophie");
        SpaceProfile edited = spaces.defaultSpace().profile();
        assertThat(edited).isNotSameAs(configured);
        assertThat(edited.needs()).containsExactly("standing desks", "coffee");
        assertThat(edited.notWanted()).isEqualTo(configured.notWanted());
        assertThat(edited.member("marie").orElseThrow().openTo()).containsExactly("prototyping tools", "3D printers");
        assertThat(edited.member("marie").orElseThrow().skills()).containsExactly("UX design");

        SpaceDirectory restarted = directory();
        new ProfileEdits(new StoredProfileEdits(jdbi), restarted, Clock.systemUTC()).refresh();
        assertThat(restarted.defaultSpace().profile()).isEqualTo(edited);
    }

    @Test
    void aRefreshWithNothingNewKeepsTheSameProfile() {
        SpaceDirectory spaces = directory();
        SpaceProfile before = spaces.defaultSpace().profile();
        new ProfileEdits(new StoredProfileEdits(jdbi), spaces, Clock.systemUTC()).refresh();
        // The same object: the analyser rebuilds a profile's index only when the profile changes.
        assertThat(spaces.defaultSpace().profile()).isSameAs(before);
    }

    @Test
    void onlyFieldsOfTheRightKindAndKnownMembersMayBeEdited() {
        ProfileEdits edits = new ProfileEdits(new StoredProfileEdits(jdbi), directory(), Clock.systemUTC());
        assertThatThrownBy(() -> edits.edit("la-fabrique", "marie", ProfileEdits.Field.NEEDS, List.of("x"), "sophie"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> edits.edit("la-fabrique", "nobody", ProfileEdits.Field.OPEN_TO, List.of("x"), "sophie"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> edits.edit("la-fabrique", ProfileEdits.SPACE, ProfileEdits.Field.OPEN_TO, List.of("x"),
                "sophie")).isInstanceOf(IllegalArgumentException.class);
    }

    private static SpaceDirectory directory() {
        SpaceConfig.MemberConfig marie = new SpaceConfig.MemberConfig("marie", "Marie", "marie@example.org",
                List.of("UX design"), List.of("accessibility"), List.of("prototyping tools"));
        return new SpaceDirectory(List.of(new SpaceConfig("la-fabrique", "La Fabrique", List.of("fr", "en"),
                new SpaceConfig.Person("Sophie", "sophie@example.org", null), "A coworking space", List.of("cleaning service"),
                List.of("SEO"), List.of(), List.of(marie), List.of(), List.of(), List.of(), List.of(), null, null)));
    }
}
