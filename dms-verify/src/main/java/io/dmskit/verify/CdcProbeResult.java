package io.dmskit.verify;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.probe.ProbeOperation;
import io.dmskit.verify.probe.ProbeOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Verifier#probeCdc(io.dmskit.verify.probe.CdcProbeOptions)}: for the INSERT, UPDATE and
 * DELETE of a marker row, whether and when each reached the target.
 *
 * <pre>{@code
 * CdcProbeResult r = verifier.probeCdc(o -> o.schema("sales").timeout(Duration.ofMinutes(3)));
 * r.assertSucceeded();
 * System.out.println(r.toText());
 * }</pre>
 */
public final class CdcProbeResult {

    private final String probeTable;
    private final String targetLocation;
    private final String markerId;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final List<OperationResult> operations;
    private final String failure;
    private final boolean cleanedUp;
    private final boolean tableCreated;
    private final ProbeOutcome outcome;

    /**
     * Creates a {@code CdcProbeResult}.
     *
     * @param probeTable source {@code schema.table} of the probe table
     * @param targetLocation where the changes were looked for
     * @param markerId the marker row's id
     * @param startedAt probe start
     * @param finishedAt probe end
     * @param operations one result per change made (in order)
     * @param failure why the probe failed, or null when every change was seen
     * @param cleanedUp whether the marker row is gone from the source
     * @param tableCreated whether the probe created its table
     * @deprecated use the constructor with a {@link ProbeOutcome}; this one gives {@link ProbeOutcome#SUCCEEDED}
     *     without a failure and {@link ProbeOutcome#TIMED_OUT} with one
     */
    @Deprecated
    public CdcProbeResult(String probeTable, String targetLocation, String markerId, Instant startedAt,
                          Instant finishedAt, List<OperationResult> operations, String failure, boolean cleanedUp,
                          boolean tableCreated) {
        this(probeTable, targetLocation, markerId, startedAt, finishedAt, operations,
                failure == null ? ProbeOutcome.SUCCEEDED : ProbeOutcome.TIMED_OUT, failure, cleanedUp, tableCreated);
    }

    /**
     * Creates a {@code CdcProbeResult}.
     *
     * @param probeTable source {@code schema.table} of the probe table
     * @param targetLocation where the changes were looked for
     * @param markerId the marker row's id
     * @param startedAt probe start
     * @param finishedAt probe end
     * @param operations one result per change made (in order)
     * @param outcome what the probe established ({@link ProbeOutcome#SUCCEEDED} exactly when {@code failure} is null)
     * @param failure why the probe failed, or null when every change was seen
     * @param cleanedUp whether the marker row is gone from the source
     * @param tableCreated whether the probe created its table
     * @throws InvalidDefinitionException when {@code outcome} and {@code failure} disagree, or a required value
     *     (every one but failure) is null or operations holds a null
     */
    public CdcProbeResult(String probeTable, String targetLocation, String markerId, Instant startedAt,
                          Instant finishedAt, List<OperationResult> operations, ProbeOutcome outcome, String failure,
                          boolean cleanedUp, boolean tableCreated) {
        this.outcome = Checks.require(outcome, "outcome", "CdcProbeResult");
        if ((outcome == ProbeOutcome.SUCCEEDED) != (failure == null)) {
            throw Checks.invalid("CdcProbeResult", "failure", "outcome " + outcome + " needs " + (failure == null
                    ? "a failure message" : "no failure message, but got: " + Checks.show(failure)));
        }
        this.probeTable = Checks.require(probeTable, "probeTable", "CdcProbeResult");
        this.targetLocation = Checks.require(targetLocation, "targetLocation", "CdcProbeResult");
        this.markerId = Checks.require(markerId, "markerId", "CdcProbeResult");
        this.startedAt = Checks.require(startedAt, "startedAt", "CdcProbeResult");
        this.finishedAt = Checks.require(finishedAt, "finishedAt", "CdcProbeResult");
        this.operations = Checks.copyOf(operations, "operations", "CdcProbeResult");
        this.failure = failure;
        this.cleanedUp = cleanedUp;
        this.tableCreated = tableCreated;
    }

    /** {@return whether every change was seen on the target in time} */
    public boolean succeeded() {
        return failure == null && operations.size() == ProbeOperation.values().length
                && operations.stream().allMatch(OperationResult::seen);
    }

    /**
     * {@return what the probe established: {@link ProbeOutcome#SUCCEEDED}, or why the changes were not seen as far as
     * the task's status and table statistics tell (e.g. {@link ProbeOutcome#TABLE_NOT_IN_TASK})}
     */
    public ProbeOutcome outcome() {
        return outcome;
    }

    /** {@return why the probe failed: what it looked for, where, for how long, and what the task's state proves} */
    public Optional<String> failureMessage() {
        return Optional.ofNullable(failure);
    }

    /** {@return the source probe table, {@code schema.table}} */
    public String probeTable() {
        return probeTable;
    }

    /** {@return where the changes were looked for} */
    public String targetLocation() {
        return targetLocation;
    }

    /** {@return the marker row's unique id} */
    public String markerId() {
        return markerId;
    }

    /** {@return probe start} */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@return probe end} */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** {@return results per change, in the order made} */
    public List<OperationResult> operations() {
        return operations;
    }

    /** {@return the result for one change} */
    public Optional<OperationResult> operation(ProbeOperation op) {
        return operations.stream().filter(o -> o.operation() == op).findFirst();
    }

    /** {@return whether the marker row was removed from the source} */
    public boolean cleanedUp() {
        return cleanedUp;
    }

    /** {@return whether the probe created its table} */
    public boolean tableCreated() {
        return tableCreated;
    }

    /** {@return the largest commit → detected latency among the changes seen} */
    public Optional<Duration> maxLatency() {
        return operations.stream().map(OperationResult::latencyToDetected).flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    /**
     * Fails unless the probe succeeded.
     *
     * @throws AssertionError with {@link #failureMessage()} when the probe failed
     */
    public void assertSucceeded() {
        if (!succeeded()) {
            throw new AssertionError("CDC probe failed: " + failureMessage().orElse("not every change was seen")
                    + System.lineSeparator() + toText());
        }
    }

    /** {@return a few lines for a terminal} */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("CDC probe of ").append(probeTable).append(" -> ").append(targetLocation)
                .append(" (marker ").append(markerId).append("): ").append(succeeded() ? "OK" : "FAILED " + outcome)
                .append('\n');
        for (OperationResult o : operations) {
            sb.append(String.format("  %-6s committed %s  ", o.operation(), o.committedAt()));
            if (o.seen()) {
                sb.append("visible after ").append(fmt(o.latencyToVisible().orElse(null)))
                        .append(", detected after ").append(fmt(o.latencyToDetected().orElse(null)))
                        .append(o.where().map(w -> " in " + w).orElse(""));
            } else {
                sb.append("NOT SEEN");
            }
            sb.append('\n');
        }
        failureMessage().ifPresent(f -> sb.append("  ").append(f).append('\n'));
        sb.append("  marker row ").append(cleanedUp ? "removed" : "NOT removed").append(" from the source\n");
        return sb.toString();
    }

    static String fmt(Duration d) {
        if (d == null) {
            return "-";
        }
        return String.format("%.3f s", d.toMillis() / 1000.0);
    }

    @Override
    public String toString() {
        return "CdcProbeResult{" + probeTable + ", " + outcome + "}";
    }
}
