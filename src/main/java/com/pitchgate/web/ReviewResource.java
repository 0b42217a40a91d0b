package com.pitchgate.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.DeclineService;
import com.pitchgate.crm.OverrideService;
import com.pitchgate.crm.TimelineService;
import com.pitchgate.route.Router;
import com.pitchgate.space.Space;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.SpaceProfile;
import com.pitchgate.store.AttachmentRow;
import com.pitchgate.store.ContentRow;
import com.pitchgate.store.DecisionRow;
import com.pitchgate.store.JsonColumns;
import com.pitchgate.store.PitchStore;
import com.pitchgate.store.PitchStore.PitchRecord;
import com.pitchgate.store.ReasonRow;
import com.pitchgate.store.ReviewDao;
import com.pitchgate.store.StoredReviews;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The queues and the pitch page, and the buttons that move a pitch or lift a "no". Pages read
 * without a transaction: on SQLite (BEGIN IMMEDIATE) one would hold the write lock that screening
 * needs, for a page that does not need its reads to agree to the millisecond.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ReviewResource {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final int PAGE = 50;
    private static final int TOP_REASONS = 3;
    /** Attachments' text is long; the page shows the start of it. */
    private static final int ATTACHMENT_CHARS = 20_000;

    private final Guard guard;
    private final StoredReviews reviews;
    private final TimelineService timelines;
    private final DeclineService declines;
    private final PitchStore store;
    private final OverrideService overrides;
    private final DeclineReplies replies;
    private final Clock clock;

    public ReviewResource(Guard guard, StoredReviews reviews, TimelineService timelines, DeclineService declines,
            PitchStore store, OverrideService overrides, DeclineReplies replies, Clock clock) {
        this.guard = guard;
        this.reviews = reviews;
        this.timelines = timelines;
        this.declines = declines;
        this.store = store;
        this.overrides = overrides;
        this.replies = replies;
        this.clock = clock;
    }

    @GET
    @Path("/queues/{queue}")
    public QueuePage queue(@CookieParam(WebSessions.COOKIE) String cookie, @Context HttpHeaders headers,
            @PathParam("queue") String queueName, @QueryParam("sender") @DefaultValue("") String sender,
            @QueryParam("domain") @DefaultValue("") String domain, @QueryParam("q") @DefaultValue("") String text,
            @QueryParam("from") @DefaultValue("") String from, @QueryParam("to") @DefaultValue("") String to,
            @QueryParam("offset") @DefaultValue("0") long offset, @QueryParam("notice") String notice) {
        WebSession session = guard.session(cookie);
        Space space = guard.space(session);
        Messages messages = guard.messages(headers, space);
        Queue queue = Queue.fromId(queueName).orElseThrow(() -> new PageRefusal(404, "error_not_found"));
        ReviewDao.Search search = new ReviewDao.Search(lower(sender), lower(domain), lower(text),
                day(from).map(d -> d.toEpochDay() * ReviewDao.DAY_MILLIS).orElse(0L),
                day(to).map(d -> (d.toEpochDay() + 1) * ReviewDao.DAY_MILLIS).orElse(Long.MAX_VALUE));
        long today = clock.millis() / ReviewDao.DAY_MILLIS;
        StoredReviews.QueueRows page = reviews.queue(space.id(), queue.id(), search, PAGE, Math.max(0, offset),
                (today - DailyChart.DAYS + 1) * ReviewDao.DAY_MILLIS);
        Map<String, Long> counts = new LinkedHashMap<>();
        page.counts().forEach(c -> counts.put(c.queue(), c.pitches()));
        String query = query(sender, domain, text, from, to);
        List<QueuePage.Tab> tabs = new ArrayList<>();
        for (Queue q : Queue.values()) {
            tabs.add(new QueuePage.Tab(q.id(), messages.get("queue_" + q.id()), counts.getOrDefault(q.id(), 0L),
                    q == queue, query));
        }
        List<QueuePage.Row> rows = page.found().stream().map(row -> new QueuePage.Row(row.pitchId(), row.senderName(),
                row.senderEmail(), row.organisation(), row.subject(), row.language(), spaceFit(row.fit()),
                Page.number(row.score()), topReasons(page.reasons().getOrDefault(row.pitchId(), List.of())),
                Page.dayTime(row.receivedAt()))).toList();
        DailyChart chart = DailyChart.of(page.perDay(), today, messages);
        return new QueuePage(messages, session, space.profile().name(), queue.id(), tabs,
                new QueuePage.SearchForm(sender, domain, text, from, to, query), rows, chart, notice(messages, notice));
    }

    @GET
    @Path("/pitches/{id}")
    public PitchPage pitch(@CookieParam(WebSessions.COOKIE) String cookie, @Context HttpHeaders headers,
            @PathParam("id") long id, @QueryParam("notice") String notice) {
        WebSession session = guard.session(cookie);
        Space space = guard.space(session);
        Messages messages = guard.messages(headers, space);
        PitchRecord record = visible(space, id);
        Optional<ContentRow> content = record.content();
        Optional<DecisionRow> decision = record.decision();
        String queue = decision.map(DecisionRow::queue).orElse(null);
        PitchPage.Summary summary = new PitchPage.Summary(id, content.map(ContentRow::subject).orElse(""),
                content.map(ContentRow::senderName).orElse(""), content.map(ContentRow::senderEmail).orElse(""),
                content.map(ContentRow::organisation).orElse(null), content.map(ContentRow::replyTo).orElse(null),
                Page.dayTime(record.stored().receivedAt()), content.map(ContentRow::language).orElse(""), queue,
                queue == null ? messages.get("queue_undecided") : messages.get("queue_" + queue),
                decision.map(d -> Page.number(d.score())).orElse(""),
                decision.map(d -> targetNames(space.profile(), JsonColumns.read(d.targets(), STRINGS), messages)).orElse(List.of()),
                content.map(ContentRow::body).orElse(""),
                content.map(c -> JsonColumns.read(c.marks(), STRINGS)).orElse(List.of()),
                content.map(c -> JsonColumns.read(c.problems(), STRINGS)).orElse(List.of()));
        List<PitchPage.Attachment> attachments = record.attachments().stream().map(ReviewResource::attachment).toList();
        List<PitchPage.ReasonLine> reasons = record.reasons().stream().map(r -> new PitchPage.ReasonLine(r.policy(),
                r.signal(), signed(r.weight()), r.detail(), r.decisive())).toList();
        List<PitchPage.Event> timeline = content.map(c -> timelines.ofSender(space.id(), c.senderEmail())).orElse(List.of())
                .stream().map(e -> new PitchPage.Event(Page.dayTime(e.at().toEpochMilli()), e.kind(), e.pitchId(), e.detail()))
                .toList();
        PitchPage.StandingNo standing = content.flatMap(c -> declines.standingAgainst(space.id(), c.senderEmail(),
                c.organisation())).map(ReviewResource::standingNo).orElse(null);
        return new PitchPage(messages, session, space.profile().name(), summary, attachments,
                fit(space.profile(), decision.map(DecisionRow::fit).orElse(null)), reasons, timeline, standing,
                forwardTargets(space.profile(), messages), replies.available(), notice(messages, notice));
    }

    /**
     * The pitch page's buttons: forward (to a member, or the manager), ask for an intro, decline
     * (with the decline reply, if asked and allowed). Each is an override, recorded under the
     * signed-in key's name.
     */
    @POST
    @Path("/pitches/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@CookieParam(WebSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @PathParam("id") long id, @FormParam("queue") String queueName, @FormParam("target") String target,
            @FormParam("note") String note, @FormParam("declineUntil") String declineUntil,
            @FormParam("reply") String reply) {
        WebSession session = guard.form(cookie, csrf);
        Space space = guard.space(session);
        PitchRecord record = visible(space, id);
        Queue queue = Queue.fromId(queueName == null ? "" : queueName).orElseThrow(() -> new PageRefusal(400, "error_bad_form"));
        List<String> targets = List.of();
        if (queue == Queue.FORWARD && target != null && !target.isBlank()) {
            if (!target.equals(Router.MANAGER) && space.profile().member(target).isEmpty()) {
                throw new PageRefusal(400, "error_bad_form");
            }
            targets = List.of(target);
        }
        Optional<Instant> until = queue != Queue.AUTO_DECLINE ? Optional.empty()
                : day(declineUntil).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        if (overrides.override(id, queue, session.actor(), note == null ? null : note.strip(), until, targets).isEmpty()) {
            throw new PageRefusal(409, "error_undecided");
        }
        String notice = "moved";
        if (queue == Queue.AUTO_DECLINE && "on".equals(reply)) {
            notice = replies.reply(space, record.stored()).isEmpty() ? "moved_replied" : "moved_reply_withheld";
        }
        return Response.seeOther(URI.create("/ui/pitches/" + id + "?notice=" + notice)).build();
    }

    @POST
    @Path("/declines/{id}/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lift(@CookieParam(WebSessions.COOKIE) String cookie, @FormParam("csrf") String csrf,
            @PathParam("id") long declineId, @FormParam("pitch") long pitchId) {
        WebSession session = guard.form(cookie, csrf);
        Space space = guard.space(session);
        if (!declines.lift(space.id(), declineId)) {
            throw new PageRefusal(404, "error_not_found");
        }
        return Response.seeOther(URI.create("/ui/pitches/" + pitchId + "?notice=lifted")).build();
    }

    /** The pitch, if it is this space's; 404 otherwise, so that other spaces' ids reveal nothing. */
    private PitchRecord visible(Space space, long id) {
        return store.record(id).filter(r -> r.stored().spaceId().equals(space.id()))
                .orElseThrow(() -> new PageRefusal(404, "error_not_found"));
    }

    /** Only notices the pages know are shown: a link cannot make the page say something else. */
    private static String notice(Messages messages, String notice) {
        return notice != null && messages.words().containsKey("notice_" + notice) ? messages.get("notice_" + notice) : null;
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<LocalDate> day(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new PageRefusal(400, "error_bad_date");
        }
    }

    private static String query(String sender, String domain, String text, String from, String to) {
        StringBuilder query = new StringBuilder();
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("sender", sender);
        parts.put("domain", domain);
        parts.put("q", text);
        parts.put("from", from);
        parts.put("to", to);
        parts.forEach((name, value) -> {
            if (!value.isBlank()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The strongest signals first (the router's own score line left out: the score column shows it). */
    private static List<String> topReasons(List<ReasonRow> reasons) {
        return reasons.stream().filter(r -> !r.policy().equals("router"))
                .sorted(Comparator.comparing(ReasonRow::decisive).reversed()
                        .thenComparing(Comparator.comparingDouble((ReasonRow r) -> Math.abs(r.weight())).reversed()))
                .limit(TOP_REASONS).map(r -> r.signal() + (r.weight() == 0 ? "" : " " + signed(r.weight()))).toList();
    }

    private static String signed(double weight) {
        return (weight > 0 ? "+" : "") + Page.number(weight);
    }

    private static String spaceFit(String fitJson) {
        return Page.number(JsonColumns.read(fitJson, JsonNode.class).path("space").asDouble());
    }

    private static PitchPage.Fit fit(SpaceProfile profile, String fitJson) {
        if (fitJson == null) {
            return new PitchPage.Fit("", List.of());
        }
        JsonNode fit = JsonColumns.read(fitJson, JsonNode.class);
        List<PitchPage.MemberFit> members = new ArrayList<>();
        fit.path("members").fields().forEachRemaining(e -> members.add(new PitchPage.MemberFit(
                profile.member(e.getKey()).map(SpaceProfile.MemberProfile::name).orElse(e.getKey()),
                Page.number(e.getValue().asDouble()))));
        return new PitchPage.Fit(Page.number(fit.path("space").asDouble()), members);
    }

    private static List<String> targetNames(SpaceProfile profile, List<String> targets, Messages messages) {
        return targets.stream().map(t -> t.equals(Router.MANAGER) ? messages.get("manager")
                : profile.member(t).map(SpaceProfile.MemberProfile::name).orElse(t)).toList();
    }

    private static List<PitchPage.Option> forwardTargets(SpaceProfile profile, Messages messages) {
        List<PitchPage.Option> options = new ArrayList<>();
        options.add(new PitchPage.Option(Router.MANAGER, messages.get("manager")));
        profile.members().forEach(m -> options.add(new PitchPage.Option(m.id(), m.name())));
        return options;
    }

    private static PitchPage.Attachment attachment(AttachmentRow a) {
        String text = a.text().length() > ATTACHMENT_CHARS ? a.text().substring(0, ATTACHMENT_CHARS) + " […]" : a.text();
        return new PitchPage.Attachment(a.filename(), a.mediaType(), a.size(), text, a.problem());
    }

    private static PitchPage.StandingNo standingNo(DeclineRow no) {
        return new PitchPage.StandingNo(no.id(), no.scope(), no.value(), Page.dayTime(no.expiresAt()).substring(0, 10));
    }
}
