package io.dmskit.core.provision;

import java.time.Duration;

/**
 * Waits between polls and retries. The default sleeps the thread; tests and the simulated-time benchmark pass one
 * that advances a fake clock instead ({@code fakeClock::sleep}).
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return a sleeper that sleeps the current thread */
    static Sleeper threadSleep() {
        return d -> Thread.sleep(d.toMillis());
    }
}
