package com.pitchgate.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Edits of the configured profiles (what a space needs and does not want, what a member is open to). */
@RegisterConstructorMapper(ProfileEditDao.EditRow.class)
public interface ProfileEditDao {

    @SqlUpdate("INSERT INTO profile_edits (space_id, subject, field, value, edited_by, edited_at)"
            + " VALUES (:spaceId, :subject, :field, :value, :editedBy, :editedAt)"
            + " ON CONFLICT (space_id, subject, field) DO UPDATE SET value = excluded.value,"
            + " edited_by = excluded.edited_by, edited_at = excluded.edited_at")
    void upsert(@BindMethods EditRow edit);

    @SqlQuery("SELECT * FROM profile_edits ORDER BY space_id, subject, field")
    List<EditRow> all();

    /**
     * One field's new value.
     *
     * @param subject {@code ""} for the space itself, otherwise a member's id
     * @param value   a JSON list of phrases
     */
    record EditRow(String spaceId, String subject, String field, String value, String editedBy, long editedAt) {
    }
}
