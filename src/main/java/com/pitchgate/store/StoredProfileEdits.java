package com.pitchgate.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.pitchgate.space.ProfileEditStore;
import com.pitchgate.store.ProfileEditDao.EditRow;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The profile edits in the {@code profile_edits} table, each field's phrases as a JSON list. */
public final class StoredProfileEdits implements ProfileEditStore {

    private static final TypeReference<List<String>> PHRASES = new TypeReference<>() { };

    private final Jdbi jdbi;

    public StoredProfileEdits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Edit> all() {
        return jdbi.withExtension(ProfileEditDao.class, ProfileEditDao::all).stream()
                .map(row -> new Edit(row.spaceId(), row.subject(), row.field(), JsonColumns.read(row.value(), PHRASES),
                        row.editedBy(), row.editedAt()))
                .toList();
    }

    @Override
    public void save(Edit edit) {
        jdbi.useExtension(ProfileEditDao.class, dao -> dao.upsert(new EditRow(edit.spaceId(), edit.subject(), edit.field(),
                JsonColumns.write(edit.phrases()), edit.editedBy(), edit.editedAt())));
    }
}
