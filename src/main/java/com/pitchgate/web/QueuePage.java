package com.pitchgate.web;

import java.util.List;

/** One queue of the space: the three queues as tabs with their counts, the search, the rows, the 30-day chart. */
public final class QueuePage extends Page {

    private final String queue;
    private final List<Tab> tabs;
    private final SearchForm search;
    private final List<Row> rows;
    private final DailyChart chart;
    private final String notice;

    public QueuePage(Messages messages, WebSession session, String spaceName, String queue, List<Tab> tabs,
            SearchForm search, List<Row> rows, DailyChart chart, String notice) {
        super("queue.ftlh", messages, session, spaceName);
        this.queue = queue;
        this.tabs = tabs;
        this.search = search;
        this.rows = rows;
        this.chart = chart;
        this.notice = notice;
    }

    public String getQueue() {
        return queue;
    }

    public List<Tab> getTabs() {
        return tabs;
    }

    public SearchForm getSearch() {
        return search;
    }

    public List<Row> getRows() {
        return rows;
    }

    public DailyChart getChart() {
        return chart;
    }

    public String getNotice() {
        return notice;
    }

    /** @param query the search, to keep when switching tabs */
    public record Tab(String queue, String label, long count, boolean active, String query) {
    }

    /** The search as typed, shown back in its fields. */
    public record SearchForm(String sender, String domain, String text, String from, String to, String query) {
    }

    /** @param reasons the strongest few signals, e.g. "genuine_inquiry +6.00" */
    public record Row(long id, String senderName, String senderEmail, String organisation, String subject, String language,
            String fit, String score, List<String> reasons, String date) {
    }
}
