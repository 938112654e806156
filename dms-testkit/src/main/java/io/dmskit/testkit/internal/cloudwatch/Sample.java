package io.dmskit.testkit.internal.cloudwatch;

import java.time.Instant;

/**
 * What one MetricDatum stored: either values with counts (a single Value is one value with count 1) or a statistic
 * set (then no percentiles can be computed from it).
 *
 * @param timestamp the datum's time stamp
 * @param values the values, or null for a statistic set
 * @param counts how often each value occurred, or null for a statistic set
 * @param sampleCount the number of samples
 * @param sum their sum
 * @param minimum their minimum
 * @param maximum their maximum
 * @param unit the unit ({@code None} when not given)
 */
record Sample(Instant timestamp, double[] values, double[] counts, double sampleCount, double sum, double minimum,
              double maximum, String unit) {

    static Sample ofValues(Instant timestamp, double[] values, double[] counts, String unit) {
        double n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double c = counts[i];
            n += c;
            sum += values[i] * c;
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return new Sample(timestamp, values, counts, n, sum, min, max, unit);
    }

    static Sample ofStatistics(Instant timestamp, double sampleCount, double sum, double min, double max,
                               String unit) {
        return new Sample(timestamp, null, null, sampleCount, sum, min, max, unit);
    }
}
