package com.pitchgate.screen;

import com.pitchgate.analyze.KindClassifier;
import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.ingest.IntakeService;
import com.pitchgate.space.Space;
import com.pitchgate.space.SpaceDirectory;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screens messages made of the shipped texts before the server opens its ports, storing nothing:
 * the extraction, analysis and policies a pitch goes through are compiled by the JVM while nobody
 * waits, rather than on the first pitches after a restart, which otherwise took twice as long.
 * Every other message is HTML, so that the HTML path warms up too.
 */
public final class WarmUp implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    private final Screener screener;
    private final SpaceDirectory spaces;
    private final Clock clock;
    private final int messages;
    private final Counter screened;

    /** @param metrics where the count of messages screened is kept ({@code com.pitchgate.screen.WarmUp.messages}) */
    public WarmUp(Screener screener, SpaceDirectory spaces, Clock clock, int messages, MetricRegistry metrics) {
        this.screener = screener;
        this.spaces = spaces;
        this.clock = clock;
        this.messages = messages;
        this.screened = metrics.counter(MetricRegistry.name(WarmUp.class, "messages"));
    }

    @Override
    public void start() {
        if (messages == 0) {
            return;
        }
        long started = System.nanoTime();
        run();
        LOG.info("warm-up: {} messages screened in {} ms", screened.getCount(), (System.nanoTime() - started) / 1_000_000);
    }

    private void run() {
        List<String> texts = KindClassifier.shippedTexts();
        Space space = spaces.defaultSpace();
        CrmMemory crm = CrmMemory.configured(spaces.all());
        for (int i = 0; i < messages; i++) {
            String text = texts.get(i % texts.size());
            byte[] raw = message(i, text).getBytes(StandardCharsets.UTF_8);
            screener.screen(0, raw, IntakeService.EMAIL, new CrmContext(space.profile(), crm, clock.instant()));
            screened.inc();
        }
    }

    static String message(int number, String text) {
        String headers = "From: Warm Up <warm-up-" + number + "@pitchgate.invalid>\r\n"
                + "To: warm-up@pitchgate.invalid\r\n"
                + "Subject: " + text.substring(0, Math.min(40, text.length())).replaceAll("[\\r\\n]", " ") + "\r\n"
                + "Message-ID: <warm-up-" + number + "@pitchgate.invalid>\r\n"
                + "MIME-Version: 1.0\r\n";
        if (number % 2 == 0) {
            return headers + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text.replace(" / ", "\r\n") + "\r\n";
        }
        String html = "<html><body><p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(" / ", "</p><p>")
                + "</p></body></html>";
        return headers + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n";
    }
}
