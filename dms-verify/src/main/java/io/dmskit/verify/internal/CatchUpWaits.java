package io.dmskit.verify.internal;

import io.dmskit.core.provision.Sleeper;
import io.dmskit.verify.TaskProgress;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.VerificationTimeoutException;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier's two waits: for the task's full load to be complete (DMS's own figures, {@link FullLoadCheck}) and
 * for the target to have caught up (recounts until nothing is still expected to change). Polls
 * {@code pollInterval} apart on the given clock and sleeper, so tests run them in virtual time.
 */
public final class CatchUpWaits {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    /**
     * One verification and the task's progress read after it (null without a DMS task).
     *
     * @param report the report of the round
     * @param after the task's progress after counting, or null
     */
    public record Round(VerificationReport report, TaskProgress after) {
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final DmsTaskReader taskReader;
    private final String taskArn;

    /**
     * @param clock the verifier's clock
     * @param sleeper how the waits pause
     * @param pollInterval time between two polls
     * @param taskReader reads the task's progress
     * @param taskArn the task's ARN, or null
     */
    public CatchUpWaits(Clock clock, Sleeper sleeper, Duration pollInterval, DmsTaskReader taskReader,
                        String taskArn) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.taskReader = taskReader;
        this.taskArn = taskArn;
    }

    /**
     * Waits until the full load of every planned table is complete.
     *
     * @param plan the tables the verifier covers
     * @param start when the wait began
     * @param deadline when it gives up
     * @param announce log completion at INFO (a wait of its own) rather than DEBUG (the start of another wait)
     * @return the task's progress when the full load was seen complete
     * @throws VerificationTimeoutException at the deadline
     */
    public TaskProgress fullLoad(TablePlan plan, Instant start, Instant deadline, boolean announce) {
        Poller poller = new Poller(clock, sleeper, pollInterval);
        while (true) {
            TaskProgress p = taskReader.progress(clock);
            List<String> pending = FullLoadCheck.pending(p, plan);
            if (pending.isEmpty()) {
                if (announce) {
                    LOG.info("Full load of {} complete ({})", p.taskName(), p.summary());
                } else {
                    LOG.debug("Full load of {} complete ({})", p.taskName(), p.summary());
                }
                return p;
            }
            LOG.debug("Full load of {} not complete: {}", taskArn, pending);
            if (!poller.pause(deadline)) {
                throw new VerificationTimeoutException(taskArn, "full load complete", pending,
                        Duration.between(start, clock.instant()), p, null);
            }
        }
    }

    /**
     * Recounts until no table is still expected to change.
     *
     * @param start when the wait began
     * @param deadline when it gives up
     * @param verifyOnce one verification, given the table statistics of the previous round (empty for none)
     * @return the first report in which nothing is still expected to change
     * @throws VerificationTimeoutException at the deadline, naming every table still pending or different
     */
    public VerificationReport caughtUp(Instant start, Instant deadline,
                                       Function<Map<String, DmsTableStatistics>, Round> verifyOnce) {
        Poller poller = new Poller(clock, sleeper, pollInterval);
        Map<String, DmsTableStatistics> earlier = Map.of();
        while (true) {
            Round round = verifyOnce.apply(earlier);
            List<String> waiting = new ArrayList<>();
            for (TableVerification t : round.report().tables()) {
                if (stillChanging(t, round.after())) {
                    waiting.add(ReportFormats.explain(t));
                }
            }
            if (waiting.isEmpty()) {
                LOG.info("Caught up after {} s: {}", Duration.between(start, clock.instant()).toSeconds(),
                        round.report());
                return round.report();
            }
            LOG.debug("Not caught up yet: {}", waiting);
            if (!poller.pause(deadline)) {
                throw new VerificationTimeoutException(taskArn != null ? taskArn : round.report().target(),
                        "caught up", waiting, Duration.between(start, clock.instant()), round.after(),
                        round.report());
            }
            earlier = round.after() == null ? Map.of() : DmsTaskReader.byKey(round.after().tables());
        }
    }

    /** Whether a table's result may still change by itself, so that a wait for "caught up" goes on. */
    private static boolean stillChanging(TableVerification t, TaskProgress task) {
        return switch (t.status()) {
            case PENDING -> true;
            case MISMATCH, MISSING_ON_TARGET -> task == null || task.isActive();
            default -> false;
        };
    }
}
