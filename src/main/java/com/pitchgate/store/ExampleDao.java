package com.pitchgate.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Decided pitches and overrides, read as training material for a space's model. */
@RegisterConstructorMapper(ExampleRow.class)
public interface ExampleDao {

    @SqlQuery("SELECT d.pitch_id, p.channel, c.subject, c.body, c.language, c.marks,"
            + " coalesce((SELECT group_concat(a.text, char(10)) FROM attachments a WHERE a.pitch_id = d.pitch_id), '')"
            + " AS attachment_text, d.fit, d.queue,"
            + " EXISTS (SELECT 1 FROM overrides o WHERE o.pitch_id = d.pitch_id AND o.to_queue = d.queue) AS overridden,"
            + " (SELECT r.policy FROM reasons r WHERE r.pitch_id = d.pitch_id AND r.decisive = 1 ORDER BY r.ordinal LIMIT 1)"
            + " AS decided_by"
            + " FROM decisions d JOIN pitches p ON p.id = d.pitch_id JOIN pitch_content c ON c.pitch_id = d.pitch_id"
            + " WHERE d.space_id = :spaceId ORDER BY d.pitch_id")
    List<ExampleRow> decided(@Bind("spaceId") String spaceId);

    /** The newest override of the space, 0 when there is none. */
    @SqlQuery("SELECT coalesce(max(id), 0) FROM overrides WHERE space_id = :spaceId")
    long lastOverrideId(@Bind("spaceId") String spaceId);

    @SqlQuery("SELECT count(*) FROM overrides WHERE space_id = :spaceId AND id > :afterId")
    long overridesSince(@Bind("spaceId") String spaceId, @Bind("afterId") long afterId);
}
