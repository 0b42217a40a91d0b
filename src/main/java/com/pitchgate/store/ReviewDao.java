package com.pitchgate.store;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * What the review pages read: a queue searched and filtered, the size of each queue, pitches per
 * queue per day. Plain SQL that SQLite and PostgreSQL both run: days are whole multiples of 86,400,000
 * ms since the epoch (UTC), computed by integer division on both.
 */
@RegisterConstructorMapper(ReviewDao.ReviewRow.class)
@RegisterConstructorMapper(ReviewDao.QueueCount.class)
@RegisterConstructorMapper(ReviewDao.DayCount.class)
@RegisterConstructorMapper(ReasonRow.class)
public interface ReviewDao {

    long DAY_MILLIS = 86_400_000L;

    /**
     * The search, as bound: blank strings and the widest dates match everything. LIKE escapes with
     * '!': JDBI's statement parser would read a backslash as escaping the closing quote.
     */
    String FILTERED = " FROM decisions d JOIN pitch_content c ON c.pitch_id = d.pitch_id JOIN pitches p ON p.id = d.pitch_id"
            + " WHERE d.space_id = :spaceId"
            + " AND (:sender = '' OR lower(c.sender_email) LIKE :senderLike ESCAPE '!' OR lower(c.sender_name) LIKE :senderLike ESCAPE '!')"
            + " AND (:domain = '' OR c.sender_domain = :domain OR c.organisation = :domain)"
            + " AND (:text = '' OR lower(c.subject) LIKE :textLike ESCAPE '!' OR lower(c.body) LIKE :textLike ESCAPE '!')"
            + " AND p.received_at >= :from AND p.received_at < :to";

    @SqlQuery("SELECT d.pitch_id, c.sender_email, c.sender_name, c.sender_domain, c.organisation, c.subject, c.language,"
            + " d.score, d.fit, d.targets, p.received_at" + FILTERED + " AND d.queue = :queue"
            + " ORDER BY d.pitch_id DESC LIMIT :limit OFFSET :offset")
    List<ReviewRow> search(@Bind("spaceId") String spaceId, @Bind("queue") String queue, @BindMethods Search search,
            @Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT d.queue, count(*) AS pitches" + FILTERED + " GROUP BY d.queue")
    List<QueueCount> searchCounts(@Bind("spaceId") String spaceId, @BindMethods Search search);

    /** Without a search, the queue sizes come from the queue index alone: no join, no row read. */
    @SqlQuery("SELECT queue, count(*) AS pitches FROM decisions WHERE space_id = :spaceId GROUP BY queue")
    List<QueueCount> allCounts(@Bind("spaceId") String spaceId);

    default List<QueueCount> counts(String spaceId, Search search) {
        return search.equals(Search.ALL) ? allCounts(spaceId) : searchCounts(spaceId, search);
    }

    /** From the pitches received since {@code since} (index pitches_by_space_received), not from every decision. */
    @SqlQuery("SELECT d.queue, p.received_at / " + DAY_MILLIS + " AS day, count(*) AS pitches"
            + " FROM pitches p JOIN decisions d ON d.pitch_id = p.id"
            + " WHERE p.space_id = :spaceId AND p.received_at >= :since"
            + " GROUP BY d.queue, p.received_at / " + DAY_MILLIS)
    List<DayCount> perDay(@Bind("spaceId") String spaceId, @Bind("since") long since);

    @SqlQuery("SELECT * FROM reasons WHERE pitch_id IN (<ids>) ORDER BY pitch_id, ordinal")
    List<ReasonRow> reasonsOf(@BindList("ids") List<Long> pitchIds);

    /**
     * A search of the pitches; each part is optional.
     *
     * @param sender part of the sender's address or name, lower-case
     * @param domain the sender's domain or organisation, exactly, lower-case
     * @param text   part of the subject or body, lower-case
     * @param from   received at or after (epoch ms)
     * @param to     received before (epoch ms)
     */
    record Search(String sender, String domain, String text, long from, long to) {

        public static final Search ALL = new Search("", "", "", 0, Long.MAX_VALUE);

        public String senderLike() {
            return LikePatterns.containing(sender);
        }

        public String textLike() {
            return LikePatterns.containing(text);
        }
    }

    /** A line of a queue as the review page lists it. {@code fit} and {@code targets} are JSON. */
    record ReviewRow(long pitchId, String senderEmail, String senderName, String senderDomain, String organisation,
            String subject, String language, double score, String fit, String targets, long receivedAt) {
    }

    record QueueCount(String queue, long pitches) {
    }

    /** @param day days since the epoch (UTC) */
    record DayCount(String queue, long day, long pitches) {
    }
}
