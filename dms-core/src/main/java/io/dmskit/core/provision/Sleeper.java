package io.dmskit.core.provision;

import io.dmskit.core.internal.Validate;
import java.time.Duration;

/**
 * Waits between polls and retries. The default sleeps the thread; tests and the simulated-time benchmark pass one
 * that advances a fake clock instead ({@code fakeClock::sleep}).
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for the given time.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * {@return a sleeper that sleeps the current thread (a zero or negative duration returns at once, one too long for
     * milliseconds sleeps {@code Long.MAX_VALUE} ms); it throws {@link
     * io.dmskit.core.exception.InvalidDefinitionException} for a null duration}
     */
    static Sleeper threadSleep() {
        return d -> {
            Validate.requireArgument(d, "duration", "Sleeper.sleep");
            if (d.isNegative() || d.isZero()) {
                return;
            }
            long millis;
            try {
                millis = d.toMillis();
            } catch (ArithmeticException tooLong) {
                millis = Long.MAX_VALUE;
            }
            Thread.sleep(millis);
        };
    }
}
