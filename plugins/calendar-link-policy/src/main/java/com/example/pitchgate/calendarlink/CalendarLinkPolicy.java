package com.example.pitchgate.calendarlink;

import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.Queue;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stranger who asks you to pick a slot in their calendar (Calendly, Cal.com, HubSpot meetings...)
 * is pushing, not asking: such a cold pitch requires an intro. From someone the space knows, a
 * booking link is fine. Settings:
 * <ul>
 *   <li>{@code hosts}: more booking hosts to recognise, besides the built-in list;</li>
 *   <li>{@code decide}: {@code true} (default) to require an intro, {@code false} to only raise a
 *       weighted signal;</li>
 *   <li>{@code weight}: that signal's weight (default -2).</li>
 * </ul>
 */
@PolicyInfo(name = "calendar_link", version = "1.0.0",
        description = "Cold pitches that ask to book a slot through a calendar link require an intro.")
public final class CalendarLinkPolicy implements Policy {

    static final List<String> BOOKING_HOSTS = List.of("calendly.com", "cal.com", "meetings.hubspot.com", "zcal.co",
            "savvycal.com", "tidycal.com", "youcanbook.me", "calendar.app.google", "koalendar.com", "vyte.in",
            "chilipiper.com", "appt.link");

    private static final Pattern URL = Pattern.compile("(?:https?://)?(?:[a-z0-9-]+\\.)*([a-z0-9-]+\\.[a-z]{2,}(?:\\.[a-z]{2,})?)(/[^\\s\"'<>)]*)?",
            Pattern.CASE_INSENSITIVE);

    private List<String> hosts = BOOKING_HOSTS;
    private boolean decide;
    private double weight;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        List<String> all = new ArrayList<>(BOOKING_HOSTS);
        for (String host : config.strings("hosts")) {
            if (!host.contains(".") || host.contains("/")) {
                throw config.invalid("hosts", "entries are host names such as calendly.com, got '" + host + "'");
            }
            all.add(host.toLowerCase(Locale.ROOT));
        }
        hosts = List.copyOf(all);
        decide = config.bool("decide", true);
        weight = config.number("weight", -2);
    }

    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        String link = bookingLink(pitch.subject() + "\n" + pitch.body());
        if (link == null || context.contactByEmail(pitch.sender().email()).isPresent()) {
            return PolicyOutcome.nothing();
        }
        String detail = "a sender with no prior contact asks to book a slot: " + link;
        if (decide) {
            return PolicyOutcome.decide(new Verdict(Queue.REQUIRES_INTRO, "cold_calendar_link", detail));
        }
        return PolicyOutcome.of(new Signal("cold_calendar_link", weight, detail));
    }

    /** The first booking link in the text, or null. */
    String bookingLink(String text) {
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String host = matcher.group().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
            int slash = host.indexOf('/');
            String hostOnly = slash < 0 ? host : host.substring(0, slash);
            for (String booking : hosts) {
                if (hostOnly.equals(booking) || hostOnly.endsWith("." + booking)) {
                    return matcher.group();
                }
            }
        }
        return null;
    }
}
