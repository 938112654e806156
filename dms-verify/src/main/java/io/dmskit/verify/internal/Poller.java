package io.dmskit.verify.internal;

import io.dmskit.core.provision.Sleeper;
import io.dmskit.verify.VerificationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pause between two polls of a verifier's wait, bounded by its deadline. Time is read from the verifier's clock
 * and waited through its {@link Sleeper}, so a test can run a long wait in virtual time ({@code fakeClock::sleep}).
 */
final class Poller {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;

    /**
     * @param clock the verifier's clock
     * @param sleeper how to wait
     * @param interval time between polls
     */
    public Poller(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    /**
     * Waits for the next poll: the poll interval, or what is left until the deadline when that is shorter.
     *
     * @param deadline when the wait ends
     * @return false, without waiting, when the deadline has passed
     * @throws VerificationException when the thread is interrupted (the interrupt flag is set again)
     */
    public boolean pause(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        try {
            sleeper.sleep(left.compareTo(interval) < 0 ? left : interval);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationException("interrupted while waiting", null, "wait", e);
        }
    }
}
