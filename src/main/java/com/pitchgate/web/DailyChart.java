package com.pitchgate.web;

import com.pitchgate.spi.Queue;
import com.pitchgate.store.ReviewDao.DayCount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pitches per queue per day over the last 30 days, drawn as an inline SVG by the template: one
 * polyline per queue. Computed here so that the page needs no script.
 */
public record DailyChart(int width, int height, long max, String firstDay, String lastDay, List<Series> series) {

    public static final int DAYS = 30;
    private static final int STEP = 20;
    private static final int HEIGHT = 120;
    private static final int PAD = 10;

    /** @param points the SVG polyline's points */
    public record Series(String queue, String label, long total, String points) {
    }

    /** @param today the last day shown (days since the epoch, UTC) */
    public static DailyChart of(List<DayCount> counts, long today, Messages messages) {
        long first = today - DAYS + 1;
        long max = 1;
        List<Series> series = new ArrayList<>();
        List<long[]> perQueue = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            long[] days = new long[DAYS];
            for (DayCount count : counts) {
                if (count.queue().equals(queue.id()) && count.day() >= first && count.day() <= today) {
                    days[(int) (count.day() - first)] += count.pitches();
                }
            }
            for (long n : days) {
                max = Math.max(max, n);
            }
            perQueue.add(days);
        }
        Queue[] queues = Queue.values();
        for (int q = 0; q < queues.length; q++) {
            long[] days = perQueue.get(q);
            StringBuilder points = new StringBuilder();
            long total = 0;
            for (int d = 0; d < DAYS; d++) {
                total += days[d];
                double y = PAD + (HEIGHT - 2.0 * PAD) * (1 - (double) days[d] / max);
                points.append(String.format(Locale.ROOT, "%d,%.1f ", PAD + d * STEP, y));
            }
            series.add(new Series(queues[q].id(), messages.get("queue_" + queues[q].id()), total, points.toString().strip()));
        }
        return new DailyChart(2 * PAD + (DAYS - 1) * STEP, HEIGHT, max, LocalDate.ofEpochDay(first).toString(),
                LocalDate.ofEpochDay(today).toString(), series);
    }
}
