package io.dmskit.testkit.internal.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one period of one metric, and the statistics CloudWatch computes from them: {@code SampleCount},
 * {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum} and percentiles {@code p0}–{@code p100} (from raw
 * values only: a period that holds statistic sets has no percentile, as on CloudWatch).
 */
final class Aggregate {

    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(\\.\\d{1,10})?)");

    private double sampleCount;
    private double sum;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;
    private boolean onlyValues = true;
    private final List<double[]> weighted = new ArrayList<>();

    void add(Sample s) {
        sampleCount += s.sampleCount();
        sum += s.sum();
        minimum = Math.min(minimum, s.minimum());
        maximum = Math.max(maximum, s.maximum());
        if (s.values() == null) {
            onlyValues = false;
        } else {
            for (int i = 0; i < s.values().length; i++) {
                weighted.add(new double[] {s.values()[i], s.counts()[i]});
            }
        }
    }

    boolean isEmpty() {
        return sampleCount <= 0;
    }

    double sampleCount() {
        return sampleCount;
    }

    double sum() {
        return sum;
    }

    double average() {
        return sum / sampleCount;
    }

    double minimum() {
        return minimum;
    }

    double maximum() {
        return maximum;
    }

    /**
     * @param stat a statistic name as GetMetricData and PutMetricAlarm take it
     * @return its value, empty when this period has none (no samples, or a percentile over statistic sets)
     */
    OptionalDouble stat(String stat) {
        if (isEmpty()) {
            return OptionalDouble.empty();
        }
        switch (stat) {
            case "SampleCount":
                return OptionalDouble.of(sampleCount);
            case "Sum":
                return OptionalDouble.of(sum);
            case "Average":
                return OptionalDouble.of(average());
            case "Minimum":
                return OptionalDouble.of(minimum);
            case "Maximum":
                return OptionalDouble.of(maximum);
            default:
                Matcher m = PERCENTILE.matcher(stat);
                if (m.matches() && onlyValues) {
                    return OptionalDouble.of(percentile(Double.parseDouble(m.group(1))));
                }
                return OptionalDouble.empty();
        }
    }

    /** Nearest-rank percentile over the weighted values. */
    private double percentile(double p) {
        weighted.sort(Comparator.comparingDouble(v -> v[0]));
        double total = 0;
        for (double[] v : weighted) {
            total += v[1];
        }
        double rank = Math.max(1, Math.ceil(p / 100.0 * total));
        double seen = 0;
        for (double[] v : weighted) {
            seen += v[1];
            if (seen >= rank) {
                return v[0];
            }
        }
        return weighted.get(weighted.size() - 1)[0];
    }

    /**
     * @param stat a statistic as a caller wrote it
     * @return null when it is one CloudWatch knows, otherwise the reason it is not
     */
    static String checkStat(String stat) {
        if (stat == null || stat.isEmpty()) {
            return "a statistic is required";
        }
        switch (stat) {
            case "SampleCount", "Sum", "Average", "Minimum", "Maximum":
                return null;
            default:
                Matcher m = PERCENTILE.matcher(stat);
                if (m.matches() && Double.parseDouble(m.group(1)) <= 100) {
                    return null;
                }
                return "'" + stat + "' is not a statistic FakeCloudWatch knows (SampleCount, Sum, Average, Minimum,"
                        + " Maximum or a percentile p0-p100 such as p99 or p99.9)";
        }
    }

    static boolean isPercentile(String stat) {
        return stat != null && PERCENTILE.matcher(stat.toLowerCase(Locale.ROOT)).matches() && stat.startsWith("p");
    }
}
