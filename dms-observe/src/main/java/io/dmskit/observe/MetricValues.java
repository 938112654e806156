package io.dmskit.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The latest value of each CloudWatch metric read for one task or instance (the Average statistic over one period),
 * with typed accessors for DMS's metrics. A metric CloudWatch had no datapoint for is absent, not zero.
 *
 * @param period the period the values were aggregated over
 * @param values metric name to its latest value
 * @param timestamps metric name to the start of the period the value belongs to
 */
public record MetricValues(Duration period, Map<String, Double> values, Map<String, Instant> timestamps) {

    /** Checks and copies the components. */
    public MetricValues {
        Objects.requireNonNull(period, "period");
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(values, "values")));
        timestamps = java.util.Collections.unmodifiableMap(new TreeMap<>(
            Objects.requireNonNull(timestamps, "timestamps")));
    }

    /**
     * {@return no values}
     *
     * @param period the period
     */
    public static MetricValues none(Duration period) {
        return new MetricValues(period, Map.of(), Map.of());
    }

    /**
     * {@return its latest value}
     *
     * @param metric a metric name, e.g. {@link DmsMetrics#CDC_LATENCY_SOURCE}
     */
    public OptionalDouble value(String metric) {
        Double v = values.get(metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * {@return {@code CDCLatencySource} as a duration}
     */
    public Optional<Duration> cdcLatencySource() {
        return seconds(DmsMetrics.CDC_LATENCY_SOURCE);
    }

    /**
     * {@return {@code CDCLatencyTarget} as a duration}
     */
    public Optional<Duration> cdcLatencyTarget() {
        return seconds(DmsMetrics.CDC_LATENCY_TARGET);
    }

    /**
     * {@return {@code CDCIncomingChanges}}
     */
    public OptionalDouble cdcIncomingChanges() {
        return value(DmsMetrics.CDC_INCOMING_CHANGES);
    }

    /**
     * {@return {@code CDCThroughputRowsTarget} (rows per second)}
     */
    public OptionalDouble cdcThroughputRowsTarget() {
        return value(DmsMetrics.CDC_THROUGHPUT_ROWS_TARGET);
    }

    /**
     * {@return {@code FullLoadThroughputRowsTarget} (rows per second)}
     */
    public OptionalDouble fullLoadThroughputRowsTarget() {
        return value(DmsMetrics.FULL_LOAD_THROUGHPUT_ROWS_TARGET);
    }

    /**
     * {@return {@code CPUUtilization} (percent)}
     */
    public OptionalDouble cpuUtilization() {
        return value(DmsMetrics.CPU_UTILIZATION);
    }

    /**
     * {@return {@code FreeableMemory} (bytes)}
     */
    public OptionalDouble freeableMemory() {
        return value(DmsMetrics.FREEABLE_MEMORY);
    }

    /**
     * {@return {@code FreeStorageSpace} (bytes)}
     */
    public OptionalDouble freeStorageSpace() {
        return value(DmsMetrics.FREE_STORAGE_SPACE);
    }

    /**
     * {@return {@code SwapUsage} (bytes)}
     */
    public OptionalDouble swapUsage() {
        return value(DmsMetrics.SWAP_USAGE);
    }

    private Optional<Duration> seconds(String metric) {
        Double v = values.get(metric);
        return v == null ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(v * 1000)));
    }
}
