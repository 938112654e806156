package io.dmskit.verify.support;

import io.dmskit.core.provision.Sleeper;
import io.dmskit.testkit.FakeClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Virtual time for a verifier's waits: a {@link Sleeper} that moves a {@link FakeClock} forward and then runs the
 * script steps that have become due (a row arriving on the target, DMS's counters moving, the full load ending),
 * so a wait of minutes runs in milliseconds and sees the world change on schedule.
 */
public final class ScriptedTime implements Sleeper {

    private record Step(Instant at, Runnable action) {
    }

    private final FakeClock clock;
    private final List<Step> steps = new ArrayList<>();
    private int sleeps;

    /** @param clock the clock the verifier and FakeDms share */
    public ScriptedTime(FakeClock clock) {
        this.clock = clock;
    }

    /**
     * @param after how long from now
     * @param action what happens then
     * @return this
     */
    public synchronized ScriptedTime at(Duration after, Runnable action) {
        steps.add(new Step(clock.instant().plus(after), action));
        steps.sort(Comparator.comparing(Step::at));
        return this;
    }

    @Override
    public void sleep(Duration duration) {
        List<Step> due = new ArrayList<>();
        synchronized (this) {
            sleeps++;
            clock.advance(duration);
            while (!steps.isEmpty() && !steps.get(0).at().isAfter(clock.instant())) {
                due.add(steps.remove(0));
            }
        }
        due.forEach(s -> s.action().run());
    }

    /** @return how many times the verifier paused */
    public synchronized int sleeps() {
        return sleeps;
    }
}
