package io.dmskit.examples;

import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a quickstart run found.
 *
 * @param sourceDescription the source, without secrets
 * @param seededRows rows written per source table ({@code schema.table})
 * @param reports verification report per replication task identifier
 * @param probe the CDC probe, empty when it could not run
 * @param cdcMode how the local engine captured changes of the probed task: {@code binlog}, {@code polling} ...
 * @param htmlReport the HTML report's index page
 * @param elapsed wall time of the whole run
 * @param reportedCdcLatency the probed task's CDC latency as it reports it through (fake) CloudWatch
 *     ({@code AWS/DMS} CDCLatencySource / CDCLatencyTarget, the larger, latest period), empty when none was reported
 * @param metricPeriod the period the fake DMS publishes its metrics at in the quickstart
 */
public record QuickstartResult(String sourceDescription, Map<String, Long> seededRows,
                               Map<String, VerificationReport> reports, Optional<CdcProbeResult> probe,
                               String cdcMode, Path htmlReport, Duration elapsed,
                               Optional<Duration> reportedCdcLatency, Duration metricPeriod) {

    /** Copies the maps. */
    public QuickstartResult {
        seededRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seededRows));
        reports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reports));
    }

    /**
     * {@return whether every table of every task matched}
     */
    public boolean allTablesMatch() {
        return !reports.isEmpty() && reports.values().stream().allMatch(VerificationReport::allMatch);
    }

    /**
     * {@return whether the CDC probe saw its changes on the target}
     */
    public boolean probeSeen() {
        return probe.map(CdcProbeResult::succeeded).orElse(false);
    }

    /**
     * {@return 0 when every table matches and the probe was seen, 1 otherwise}
     */
    public int exitCode() {
        return allTablesMatch() && probeSeen() ? 0 : 1;
    }
}
