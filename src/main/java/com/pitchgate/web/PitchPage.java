package com.pitchgate.web;

import java.util.List;

/**
 * One pitch: its text (always as escaped text, never as HTML), attachments' text, fit per member,
 * every reason, the sender's timeline, and the buttons that move it.
 */
public final class PitchPage extends Page {

    private final Summary pitch;
    private final List<Attachment> attachments;
    private final Fit fit;
    private final List<ReasonLine> reasons;
    private final List<Event> timeline;
    private final StandingNo standingNo;
    private final List<Option> forwardTargets;
    private final boolean replyAvailable;
    private final String notice;

    public PitchPage(Messages messages, WebSession session, String spaceName, Summary pitch, List<Attachment> attachments,
            Fit fit, List<ReasonLine> reasons, List<Event> timeline, StandingNo standingNo, List<Option> forwardTargets,
            boolean replyAvailable, String notice) {
        super("pitch.ftlh", messages, session, spaceName);
        this.pitch = pitch;
        this.attachments = attachments;
        this.fit = fit;
        this.reasons = reasons;
        this.timeline = timeline;
        this.standingNo = standingNo;
        this.forwardTargets = forwardTargets;
        this.replyAvailable = replyAvailable;
        this.notice = notice;
    }

    public Summary getPitch() {
        return pitch;
    }

    public List<Attachment> getAttachments() {
        return attachments;
    }

    public Fit getFit() {
        return fit;
    }

    public List<ReasonLine> getReasons() {
        return reasons;
    }

    public List<Event> getTimeline() {
        return timeline;
    }

    /** The "no" standing against the sender or their organisation, if any (null otherwise). */
    public StandingNo getStandingNo() {
        return standingNo;
    }

    public List<Option> getForwardTargets() {
        return forwardTargets;
    }

    /** Whether outbound mail is on, so that a decline may send the decline reply. */
    public boolean isReplyAvailable() {
        return replyAvailable;
    }

    public String getNotice() {
        return notice;
    }

    /** @param queue null while the pitch is not decided yet */
    public record Summary(long id, String subject, String senderName, String senderEmail, String organisation,
            String replyTo, String received, String language, String queue, String queueLabel, String score,
            List<String> targets, String body, List<String> marks, List<String> problems) {
    }

    public record Attachment(String filename, String mediaType, long size, String text, String problem) {
    }

    public record Fit(String space, List<MemberFit> members) {
    }

    public record MemberFit(String name, String fit) {
    }

    public record ReasonLine(String policy, String signal, String weight, String detail, boolean decisive) {
    }

    public record Event(String at, String kind, Long pitchId, String detail) {
    }

    public record StandingNo(long id, String scope, String value, String until) {
    }

    public record Option(String id, String name) {
    }
}
