package io.dmskit.verify;

import io.dmskit.core.exception.WaitTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A verifier's wait ran out: {@link Verifier#awaitFullLoad(Duration)} before the full load was complete, or
 * {@link Verifier#verifyWhenCaughtUp(Duration)} before every table matched. Says what was still pending, table by
 * table, and carries the last task progress and report seen. Being a {@link WaitTimeoutException}, it is caught
 * where the provisioner's wait timeouts are.
 */
public final class VerificationTimeoutException extends WaitTimeoutException {

    private static final long serialVersionUID = 1L;

    private final String condition;
    private final List<String> pending;
    private final transient TaskProgress lastProgress;
    private final transient VerificationReport lastReport;

    /**
     * Creates a {@code VerificationTimeoutException}.
     *
     * @param taskArn the task waited on (or the verifier's target when there is no task)
     * @param condition what was waited for, e.g. {@code "full load complete"}
     * @param pending what was still pending, one entry per table or condition
     * @param waited how long the verifier waited
     * @param lastProgress the task's last progress seen, or null
     * @param lastReport the last verification report, or null
     */
    public VerificationTimeoutException(String taskArn, String condition, List<String> pending, Duration waited,
                                        TaskProgress lastProgress, VerificationReport lastReport) {
        super(taskArn, "await " + condition, condition, pending == null ? "" : String.join("; ",
                pending.stream().map(String::valueOf).toList()), waited);
        this.condition = condition;
        this.pending = pending == null ? List.of() : pending.stream().map(String::valueOf).toList();
        this.lastProgress = lastProgress;
        this.lastReport = lastReport;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        sb.append("not ").append(condition).append(" after ").append(waited()).append(" (task ")
                .append(resource().orElse("?")).append(')');
        if (lastProgress != null) {
            sb.append(", task ").append(lastProgress.summary());
        }
        sb.append("; still pending:");
        for (String p : pending) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }

    /** {@return what was waited for, e.g. {@code "full load complete"} or {@code "caught up"}} */
    public String condition() {
        return condition;
    }

    /** {@return what was still pending at the timeout, one entry per table or condition} */
    public List<String> pending() {
        return pending;
    }

    /** {@return the task's last progress seen, when a task was waited on} */
    public Optional<TaskProgress> lastProgress() {
        return Optional.ofNullable(lastProgress);
    }

    /** {@return the last report, for {@link Verifier#verifyWhenCaughtUp(Duration)}} */
    public Optional<VerificationReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }
}
