package io.dmskit.core.serverless;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.task.StartType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a DMS Serverless replication starts ({@code StartReplication}): the start type, and where CDC starts and stops.
 * Start from {@link #natural()} (the type the replication's history calls for) or a named type and add positions:
 *
 * <pre>{@code
 * dms.startReplication("orders", ReplicationStart.natural());
 * dms.startReplication("orders", ReplicationStart.reloadTarget());
 * dms.startReplication("orders", ReplicationStart.startReplication().withCdcStartTime(Instant.parse("2026-01-01T00:00:00Z")));
 * }</pre>
 *
 * @param type the start type, null for the one the replication's history calls for
 * @param cdcStartTime where CDC starts (a time), or null
 * @param cdcStartPosition where CDC starts (a native position, checkpoint or date), or null
 * @param cdcStopPosition where CDC stops ({@code server_time:...} or {@code commit_time:...}), or null
 */
public record ReplicationStart(StartType type, Instant cdcStartTime, String cdcStartPosition, String cdcStopPosition) {

    /**
     * Checks what DMS would refuse.
     *
     * @throws InvalidDefinitionException listing every problem (both CDC start options, a malformed stop position)
     */
    public ReplicationStart {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (cdcStartTime != null && cdcStartPosition != null) {
            problems.add(DefinitionProblem.of("CdcStartTime", "set either CdcStartTime or CdcStartPosition, not both"));
        }
        if (cdcStartPosition != null && (cdcStartPosition.isBlank() || Validate.hasControl(cdcStartPosition))) {
            problems.add(DefinitionProblem.of("CdcStartPosition", "must be a native start position, checkpoint or "
                + "date, was " + Validate.show(cdcStartPosition)));
        }
        if (cdcStopPosition != null && (Validate.hasControl(cdcStopPosition) || cdcStopPosition.length() > 256
            || !cdcStopPosition.matches("(?i)(server_time|commit_time):.+"))) {
            problems.add(DefinitionProblem.of("CdcStopPosition", "must be server_time:<time> or commit_time:<time>, "
                + "was " + Validate.show(cdcStopPosition)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.stream().map(p -> p.in("ReplicationStart")).toList());
        }
    }

    /**
     * {@return the start type the replication's history calls for, no CDC positions}
     */
    public static ReplicationStart natural() {
        return new ReplicationStart(null, null, null, null);
    }

    /**
     * {@return {@code start-replication}: the first start (DMS accepts no other type the first time)}
     */
    public static ReplicationStart startReplication() {
        return new ReplicationStart(StartType.START_REPLICATION, null, null, null);
    }

    /**
     * {@return {@code resume-processing}: continue CDC from the checkpoint where it stopped}
     */
    public static ReplicationStart resume() {
        return new ReplicationStart(StartType.RESUME_PROCESSING, null, null, null);
    }

    /**
     * {@return {@code reload-target}: load every table again, then capture changes}
     */
    public static ReplicationStart reloadTarget() {
        return new ReplicationStart(StartType.RELOAD_TARGET, null, null, null);
    }

    /**
     * {@return a copy}
     *
     * @param time where CDC starts
     */
    public ReplicationStart withCdcStartTime(Instant time) {
        return new ReplicationStart(type, time, cdcStartPosition, cdcStopPosition);
    }

    /**
     * {@return a copy}
     *
     * @param position where CDC starts: a native position, checkpoint or date
     */
    public ReplicationStart withCdcStartPosition(String position) {
        return new ReplicationStart(type, cdcStartTime, position, cdcStopPosition);
    }

    /**
     * {@return a copy}
     *
     * @param position {@code server_time:2026-01-01T00:00:00} or {@code commit_time:...}
     */
    public ReplicationStart withCdcStopPosition(String position) {
        return new ReplicationStart(type, cdcStartTime, cdcStartPosition, position);
    }

    /**
     * {@return the start type, empty when chosen from the replication's history}
     */
    public Optional<StartType> startType() {
        return Optional.ofNullable(type);
    }
}
