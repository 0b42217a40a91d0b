package com.pitchgate.support;

import com.pitchgate.PitchgateApplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application on a clock the test moves: for expiries that take months. */
public final class ClockedApplication extends PitchgateApplication {

    public static final MovableClock CLOCK = new MovableClock();

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    /** Real time plus an offset the test sets. */
    public static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
