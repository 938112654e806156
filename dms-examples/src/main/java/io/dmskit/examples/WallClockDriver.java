package io.dmskit.examples;

import io.dmskit.testkit.FakeClock;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link FakeClock} at wall-clock time, for runs where a {@code FakeDms} fronts real replication (the
 * quickstart): then table statistics, task start times and CDC file names carry real times. The clock never goes
 * backwards: if something advanced it past now (a waiter in virtual time), the driver waits for real time to catch
 * up.
 */
public final class WallClockDriver implements AutoCloseable {

    private final FakeClock clock;
    private final Clock wall;
    private final ScheduledExecutorService ticker;

    private WallClockDriver(FakeClock clock, Clock wall, long tickMillis) {
        this.clock = clock;
        this.wall = wall;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dmskit-wall-clock");
            t.setDaemon(true);
            return t;
        });
        tick();
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param clock the clock to drive
     * @return a running driver that moves the clock to the system time every 10 ms
     */
    public static WallClockDriver drive(FakeClock clock) {
        return new WallClockDriver(clock, Clock.systemUTC(), 10);
    }

    /** Moves the fake clock to the wall time now, unless it is already ahead. */
    public void tick() {
        Instant now = wall.instant();
        if (now.isAfter(clock.instant())) {
            clock.set(now);
        }
    }

    /** @return the driven clock */
    public FakeClock clock() {
        return clock;
    }

    /** Stops driving; the clock stands still from now on. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
