package com.pitchgate.store;

import com.pitchgate.crm.IntroRow;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who knows whom. */
@RegisterConstructorMapper(IntroRow.class)
public interface IntroDao {

    @SqlQuery("INSERT INTO intros (space_id, introducer_kind, introducer_ref, introducer_name, person_name, person_email,"
            + " organisation, note, source, created_at) VALUES (:spaceId, :introducerKind, :introducerRef,"
            + " :introducerName, :personName, :personEmail, :organisation, :note, :source, :createdAt) RETURNING id")
    long insert(@BindMethods IntroRow intro);

    @SqlQuery("SELECT * FROM intros WHERE space_id = :spaceId ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<IntroRow> list(@Bind("spaceId") String spaceId, @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT * FROM intros WHERE space_id = :spaceId AND id = :id")
    Optional<IntroRow> find(@Bind("spaceId") String spaceId, @Bind("id") long id);

    @SqlUpdate("DELETE FROM intros WHERE space_id = :spaceId AND id = :id")
    int delete(@Bind("spaceId") String spaceId, @Bind("id") long id);

    @SqlQuery("SELECT * FROM intros WHERE space_id = :spaceId AND (person_email IN (<emails>) OR organisation = :organisation)"
            + " ORDER BY id")
    List<IntroRow> about(@Bind("spaceId") String spaceId,
            @org.jdbi.v3.sqlobject.customizer.BindList("emails") List<String> emails, @Bind("organisation") String organisation);
}
