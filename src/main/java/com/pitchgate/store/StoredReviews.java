package com.pitchgate.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the queue pages of the review pages read of the store. */
public final class StoredReviews {

    /**
     * One page of a queue, read together.
     *
     * @param counts  the pitches in each queue that the search finds
     * @param reasons the reasons of each pitch found
     * @param perDay  the pitches decided each day since the chart's first day, by queue
     */
    public record QueueRows(List<ReviewDao.QueueCount> counts, List<ReviewDao.ReviewRow> found,
            Map<Long, List<ReasonRow>> reasons, List<ReviewDao.DayCount> perDay) {
    }

    private final Jdbi jdbi;

    public StoredReviews(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public QueueRows queue(String spaceId, String queue, ReviewDao.Search search, int limit, long offset, long chartSince) {
        return jdbi.withHandle(handle -> {
            ReviewDao dao = handle.attach(ReviewDao.class);
            List<ReviewDao.QueueCount> counts = dao.counts(spaceId, search);
            List<ReviewDao.ReviewRow> found = dao.search(spaceId, queue, search, limit, offset);
            Map<Long, List<ReasonRow>> reasons = new LinkedHashMap<>();
            if (!found.isEmpty()) {
                dao.reasonsOf(found.stream().map(ReviewDao.ReviewRow::pitchId).toList())
                        .forEach(r -> reasons.computeIfAbsent(r.pitchId(), id -> new ArrayList<>()).add(r));
            }
            return new QueueRows(counts, found, reasons, dao.perDay(spaceId, chartSince));
        });
    }
}
