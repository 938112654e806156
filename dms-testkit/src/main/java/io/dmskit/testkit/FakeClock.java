package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to: {@link #advance(Duration)}, {@link #set(Instant)} or
 * {@link #sleep(Duration)}. Sleeping never blocks; it moves the clock forward instead, so code that polls with
 * "sleep, then look again" runs through minutes of simulated time in microseconds.
 *
 * <p>{@code FakeDms} runs every state transition on such a clock, and its {@link FakeDms#waiter()} advances it
 * between polls. Share one instance between a {@code FakeDms} and the code under test (for example a provisioner's
 * clock and sleeper) to simulate a whole deployment in virtual time:
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * FakeDms dms = FakeDms.builder().clock(clock).timings(Timings.realistic()).build();
 * clock.sleep(Duration.ofMinutes(10)); // instances created meanwhile are now available
 * }</pre>
 *
 * <p>Thread-safe: time never goes backwards through {@link #advance} or {@link #sleep}; {@link #set} may move it
 * anywhere.
 */
public final class FakeClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** {@return a clock standing at the current system time, truncated to milliseconds, in UTC} */
    public static FakeClock create() {
        return startingAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * {@return a clock standing at {@code start}, in UTC}
     *
     * @param start the time the clock shows until it is moved (its epoch milliseconds must fit a long)
     */
    public static FakeClock startingAt(Instant start) {
        inRange(Args.required(start, "FakeClock: start"), "FakeClock.startingAt: start");
        return new FakeClock(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far; must not be negative, and must keep the clock within the instants a Clock can show
     * @return the new time
     */
    public Instant advance(Duration amount) {
        Args.required(amount, "FakeClock: amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative, got " + amount);
        }
        return now.updateAndGet(t -> {
            try {
                return inRange(t.plus(amount), "FakeClock.advance: amount");
            } catch (java.time.DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("FakeClock.advance: amount " + amount + " moves the clock from " + t
                        + " beyond the instants a Clock can show in milliseconds", e);
            }
        });
    }

    /**
     * Sets the clock to a given time (which may be in the past).
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
        now.set(inRange(Args.required(instant, "FakeClock: instant"), "FakeClock.set: instant"));
    }

    /**
     * "Sleeps" in simulated time: returns at once, with the clock moved forward by {@code duration}. Use as the
     * sleeper of code that polls.
     *
     * @param duration how long to sleep; negative or zero does nothing
     */
    public void sleep(Duration duration) {
        Args.required(duration, "FakeClock: duration");
        if (!duration.isNegative() && !duration.isZero()) {
            advance(duration);
        }
    }

    /** A Clock shows its time in epoch milliseconds too: instants beyond a long of them are refused. */
    private static Instant inRange(Instant t, String parameter) {
        try {
            t.toEpochMilli();
            return t;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(parameter + " " + t + " is beyond the instants a Clock can show in "
                    + "milliseconds", e);
        }
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /**
     * {@return a view of this clock in another zone; it shares this clock's time and moves with it}
     */
    @Override
    public FakeClock withZone(ZoneId zone) {
        return new FakeClock(now, Args.required(zone, "FakeClock: zone"));
    }

    @Override
    public String toString() {
        return "FakeClock[" + now.get() + ", " + zone + "]";
    }
}
