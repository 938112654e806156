package io.dmskit.testkit.internal.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every stored metric and its samples by time. Not thread-safe: {@code FakeCloudWatch} holds its lock. */
final class MetricStore {

    /** One metric's samples. */
    static final class Series {
        final MetricKey key;
        final TreeMap<Instant, List<Sample>> samples = new TreeMap<>();
        Instant lastPut;

        Series(MetricKey key) {
            this.key = key;
        }
    }

    private final Map<MetricKey, Series> series = new LinkedHashMap<>();

    void put(MetricKey key, Sample sample, Instant receivedAt) {
        Series s = series.computeIfAbsent(key, Series::new);
        s.samples.computeIfAbsent(sample.timestamp(), t -> new ArrayList<>()).add(sample);
        s.lastPut = receivedAt;
    }

    Series find(MetricKey key) {
        return series.get(key);
    }

    Collection<Series> all() {
        return series.values();
    }

    /**
     * The samples of one metric in {@code [from, to)}, grouped into periods aligned on multiples of {@code period}
     * seconds since the epoch (the periods' start times, as CloudWatch stamps its datapoints).
     *
     * @param key the metric
     * @param from first instant (its period is included when the period starts at or after {@code from} aligned)
     * @param to end, exclusive
     * @param periodSeconds the period
     * @param unit only samples in this unit, or null for all
     * @return period start → aggregate, ascending; empty periods are absent
     */
    TreeMap<Instant, Aggregate> periods(MetricKey key, Instant from, Instant to, int periodSeconds, String unit) {
        TreeMap<Instant, Aggregate> out = new TreeMap<>();
        Series s = series.get(key);
        if (s == null || !from.isBefore(to)) {
            return out;
        }
        Instant start = align(from, periodSeconds);
        for (List<Sample> list : s.samples.subMap(start, true, to, false).values()) {
            for (Sample x : list) {
                if (unit != null && !unit.equals(x.unit())) {
                    continue;
                }
                out.computeIfAbsent(align(x.timestamp(), periodSeconds), t -> new Aggregate()).add(x);
            }
        }
        return out;
    }

    static Instant align(Instant t, int periodSeconds) {
        long s = Math.floorDiv(t.getEpochSecond(), periodSeconds) * periodSeconds;
        return Instant.ofEpochSecond(s);
    }
}
