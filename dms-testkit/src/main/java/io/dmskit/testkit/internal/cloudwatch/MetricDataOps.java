package io.dmskit.testkit.internal.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * PutMetricData, GetMetricData, GetMetricStatistics and ListMetrics with the limits of the CloudWatch API reference:
 * up to 1,000 data items per PutMetricData, 30 dimensions per metric, 150 values per datum, values within
 * ±2^360, storage resolution 1 or 60, time stamps at most two weeks old and two hours ahead; up to 500 queries per
 * GetMetricData; at most 1,440 datapoints per GetMetricStatistics.
 */
public final class MetricDataOps {

    static final int MAX_DATA = 1000;
    static final int MAX_DIMENSIONS = 30;
    static final int MAX_VALUES = 150;
    static final int MAX_QUERIES = 500;
    static final int MAX_STATISTICS_DATAPOINTS = 1440;
    private static final double LIMIT = Math.pow(2, 360);
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final MetricStore store = new MetricStore();

    /**
     * PutMetricData.
     *
     * @param r the request
     * @param now the clock's time
     * @param asService whether the caller is an AWS service (may use an {@code AWS/} namespace)
     */
    public void put(PutMetricDataRequest r, Instant now, boolean asService) {
        String ns = r.namespace();
        if (ns == null) {
            throw CwErrors.missing("Namespace");
        }
        List<String> problems = new ArrayList<>();
        if (ns.isEmpty() || ns.length() > 255 || ns.startsWith(":")) {
            problems.add("The value '" + ns + "' for parameter Namespace is invalid: 1-255 characters, not starting"
                    + " with ':'.");
        }
        if (!asService && ns.startsWith("AWS/")) {
            problems.add("The value " + ns + " for parameter Namespace is invalid: the namespace prefix AWS/ is"
                    + " reserved for AWS services.");
        }
        List<MetricDatum> data = r.hasMetricData() ? r.metricData() : List.of();
        if (data.isEmpty()) {
            throw CwErrors.missing("MetricData");
        }
        if (data.size() > MAX_DATA) {
            problems.add("The collection MetricData must not have a size greater than " + MAX_DATA + ", got "
                    + data.size() + ".");
        }
        List<Map.Entry<MetricKey, Sample>> accepted = new ArrayList<>();
        for (int i = 0; i < data.size() && i < MAX_DATA; i++) {
            Sample s = datum(data.get(i), "MetricData.member." + (i + 1), now, problems);
            if (s != null) {
                accepted.add(Map.entry(MetricKey.of(ns, data.get(i).metricName(), data.get(i).dimensions()), s));
            }
        }
        combinationProblem(data);
        if (!problems.isEmpty()) {
            throw CwErrors.invalidValues(problems);
        }
        for (Map.Entry<MetricKey, Sample> e : accepted) {
            store.put(e.getKey(), e.getValue(), now);
        }
    }

    private static void combinationProblem(List<MetricDatum> data) {
        for (int i = 0; i < data.size(); i++) {
            MetricDatum d = data.get(i);
            if (d == null) {
                continue;
            }
            int kinds = (d.value() != null ? 1 : 0) + (d.statisticValues() != null ? 1 : 0)
                    + (d.hasValues() ? 1 : 0);
            if (kinds > 1) {
                throw CwErrors.invalidCombination("The parameters MetricData.member." + (i + 1) + ".Value, "
                        + "MetricData.member." + (i + 1) + ".StatisticValues and MetricData.member." + (i + 1)
                        + ".Values are mutually exclusive; give one of them.");
            }
            if (d.hasCounts() && !d.hasValues()) {
                throw CwErrors.invalidCombination("The parameter MetricData.member." + (i + 1)
                        + ".Counts requires MetricData.member." + (i + 1) + ".Values.");
            }
        }
    }

    private static Sample datum(MetricDatum d, String at, Instant now, List<String> problems) {
        int before = problems.size();
        if (d == null) {
            problems.add(at + " must not be null.");
            return null;
        }
        if (d.metricName() == null || d.metricName().isEmpty() || d.metricName().length() > 255) {
            problems.add("The parameter " + at + ".MetricName must be 1-255 characters, got "
                    + (d.metricName() == null ? "none" : "'" + d.metricName() + "'") + ".");
        }
        checkDimensions(d.hasDimensions() ? d.dimensions() : List.of(), at + ".Dimensions", problems);
        Instant ts = d.timestamp() == null ? now : d.timestamp();
        if (ts.isBefore(now.minus(Duration.ofDays(14)))) {
            problems.add("The parameter " + at + ".Timestamp must specify a time no more than two weeks in the past,"
                    + " got " + ts + " (now " + now + ").");
        } else if (ts.isAfter(now.plus(Duration.ofHours(2)))) {
            problems.add("The parameter " + at + ".Timestamp must specify a time no more than two hours in the"
                    + " future, got " + ts + " (now " + now + ").");
        }
        if (d.storageResolution() != null && d.storageResolution() != 1 && d.storageResolution() != 60) {
            problems.add("The value " + d.storageResolution() + " for parameter " + at
                    + ".StorageResolution is invalid: use 1 (high resolution) or 60 (standard).");
        }
        String unit = d.unitAsString() == null ? "None" : d.unitAsString();
        if (d.unit() == StandardUnit.UNKNOWN_TO_SDK_VERSION) {
            problems.add("The value '" + unit + "' for parameter " + at + ".Unit is not a CloudWatch unit.");
        }
        Sample sample = null;
        if (d.value() != null) {
            checkValue(d.value(), at + ".Value", problems);
            sample = Sample.ofValues(ts, new double[] {d.value()}, new double[] {1}, unit);
        } else if (d.statisticValues() != null) {
            var s = d.statisticValues();
            if (s.sampleCount() == null || s.sum() == null || s.minimum() == null || s.maximum() == null) {
                problems.add("The parameter " + at + ".StatisticValues needs SampleCount, Sum, Minimum and"
                        + " Maximum.");
            } else {
                checkValue(s.sum(), at + ".StatisticValues.Sum", problems);
                checkValue(s.minimum(), at + ".StatisticValues.Minimum", problems);
                checkValue(s.maximum(), at + ".StatisticValues.Maximum", problems);
                if (!(s.sampleCount() > 0) || Double.isInfinite(s.sampleCount())) {
                    problems.add("The value " + s.sampleCount() + " for parameter " + at
                            + ".StatisticValues.SampleCount must be greater than 0.");
                }
                if (s.minimum() > s.maximum()) {
                    problems.add("The parameter " + at + ".StatisticValues.Minimum (" + s.minimum()
                            + ") must not be greater than Maximum (" + s.maximum() + ").");
                }
                sample = Sample.ofStatistics(ts, s.sampleCount(), s.sum(), s.minimum(), s.maximum(), unit);
            }
        } else if (d.hasValues()) {
            List<Double> values = d.values();
            List<Double> counts = d.hasCounts() ? d.counts() : null;
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                problems.add("The collection " + at + ".Values must have 1-" + MAX_VALUES + " items, got "
                        + values.size() + ".");
            }
            if (counts != null && counts.size() != values.size()) {
                problems.add("The parameter " + at + ".Counts must have as many items as Values (" + values.size()
                        + "), got " + counts.size() + ".");
            }
            double[] v = new double[values.size()];
            double[] c = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                Double x = values.get(i);
                checkValue(x, at + ".Values.member." + (i + 1), problems);
                v[i] = x == null ? 0 : x;
                Double n = counts == null || i >= counts.size() ? Double.valueOf(1) : counts.get(i);
                if (n == null || !(n >= 0) || Double.isInfinite(n)) {
                    problems.add("The value " + n + " for parameter " + at + ".Counts.member." + (i + 1)
                            + " must be a number of at least 0.");
                    n = 1.0;
                }
                c[i] = n;
            }
            if (!values.isEmpty()) {
                sample = Sample.ofValues(ts, v, c, unit);
            }
        } else {
            problems.add("The parameter " + at + " needs one of Value, StatisticValues or Values.");
        }
        return problems.size() == before ? sample : null;
    }

    private static void checkValue(Double v, String at, List<String> problems) {
        if (v == null || v.isNaN() || v.isInfinite() || Math.abs(v) > LIMIT) {
            problems.add("The value " + v + " for parameter " + at + " is invalid: values must be finite numbers"
                    + " between -2^360 and 2^360.");
        }
    }

    static void checkDimensions(List<Dimension> dims, String at, List<String> problems) {
        if (dims.size() > MAX_DIMENSIONS) {
            problems.add("The collection " + at + " must not have a size greater than " + MAX_DIMENSIONS + ", got "
                    + dims.size() + ".");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension x = dims.get(i);
            String where = at + ".member." + (i + 1);
            if (x == null || x.name() == null || x.name().isEmpty() || x.name().length() > 255) {
                problems.add("The parameter " + where + ".Name must be 1-255 characters.");
                continue;
            }
            if (x.value() == null || x.value().isEmpty() || x.value().length() > 1024) {
                problems.add("The parameter " + where + ".Value must be 1-1024 characters.");
            }
            if (!names.add(x.name())) {
                problems.add("The dimension name " + x.name() + " appears twice in " + at + ".");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ GetMetricData

    /** GetMetricData over MetricStat queries (metric math expressions are refused as unsupported). */
    public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
        List<MetricDataQuery> queries = r.hasMetricDataQueries() ? r.metricDataQueries() : List.of();
        if (queries.isEmpty()) {
            throw CwErrors.missing("MetricDataQueries");
        }
        if (r.startTime() == null) {
            throw CwErrors.missing("StartTime");
        }
        if (r.endTime() == null) {
            throw CwErrors.missing("EndTime");
        }
        List<String> problems = new ArrayList<>();
        if (queries.size() > MAX_QUERIES) {
            problems.add("The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES
                    + ", got " + queries.size() + ".");
        }
        if (!r.startTime().isBefore(r.endTime())) {
            problems.add("The parameter StartTime (" + r.startTime() + ") must be before EndTime (" + r.endTime()
                    + ").");
        }
        if (r.maxDatapoints() != null && r.maxDatapoints() < 1) {
            problems.add("The value " + r.maxDatapoints() + " for parameter MaxDatapoints must be at least 1.");
        }
        String scan = r.scanByAsString() == null ? "TimestampDescending" : r.scanByAsString();
        if (!scan.equals("TimestampDescending") && !scan.equals("TimestampAscending")) {
            problems.add("The value '" + scan + "' for parameter ScanBy is invalid: TimestampDescending or"
                    + " TimestampAscending.");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < queries.size(); i++) {
            checkQuery(queries.get(i), "MetricDataQueries.member." + (i + 1), ids, problems);
        }
        if (!problems.isEmpty()) {
            throw CwErrors.invalidValues(problems);
        }
        boolean descending = scan.equals("TimestampDescending");
        List<MetricDataResult> full = new ArrayList<>();
        for (MetricDataQuery q : queries) {
            if (Boolean.FALSE.equals(q.returnData())) {
                continue;
            }
            full.add(evaluate(q, r.startTime(), r.endTime(), descending));
        }
        int fingerprint = Objects.hash(r.toBuilder().nextToken(null).maxDatapoints(null).build().hashCode());
        int offset = Tokens.offset("GetMetricData", fingerprint, r.nextToken());
        int budget = r.maxDatapoints() == null ? 100_800 : r.maxDatapoints();
        List<MetricDataResult> page = new ArrayList<>();
        int skipped = 0;
        int taken = 0;
        boolean more = false;
        for (MetricDataResult res : full) {
            int n = res.timestamps().size();
            int from = Math.min(n, Math.max(0, offset - skipped));
            skipped += from;
            int to = Math.min(n, from + Math.max(0, budget - taken));
            taken += to - from;
            boolean partial = to < n;
            more |= partial;
            page.add(res.toBuilder().timestamps(res.timestamps().subList(from, to))
                    .values(res.values().subList(from, to))
                    .statusCode(partial ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE).build());
        }
        return GetMetricDataResponse.builder().metricDataResults(page)
                .nextToken(more ? Tokens.issue("GetMetricData", fingerprint, offset + taken) : null).build();
    }

    private static void checkQuery(MetricDataQuery q, String at, Set<String> ids, List<String> problems) {
        if (q == null) {
            problems.add(at + " must not be null.");
            return;
        }
        if (q.id() == null || !QUERY_ID.matcher(q.id()).matches() || q.id().length() > 255) {
            problems.add("The value '" + q.id() + "' for parameter " + at + ".Id is invalid: it must start with a"
                    + " lower-case letter and hold only letters, digits and underscores.");
        } else if (!ids.add(q.id())) {
            problems.add("The Id '" + q.id() + "' appears more than once in MetricDataQueries.");
        }
        if (q.expression() != null) {
            if (q.metricStat() != null) {
                problems.add("The parameters " + at + ".MetricStat and " + at + ".Expression are mutually"
                        + " exclusive.");
            } else {
                problems.add("The value '" + q.expression() + "' for parameter " + at + ".Expression is not"
                        + " supported: FakeCloudWatch answers MetricStat queries only (metric math is not modelled).");
            }
            return;
        }
        if (q.metricStat() == null) {
            problems.add("The parameter " + at + " needs MetricStat or Expression.");
            return;
        }
        MetricStat ms = q.metricStat();
        checkMetric(ms.metric(), at + ".MetricStat.Metric", problems);
        checkPeriod(ms.period(), at + ".MetricStat.Period", problems);
        String s = Aggregate.checkStat(ms.stat());
        if (s != null) {
            problems.add("The parameter " + at + ".MetricStat.Stat is invalid: " + s + ".");
        }
    }

    static void checkMetric(Metric m, String at, List<String> problems) {
        if (m == null) {
            problems.add("The parameter " + at + " is required.");
            return;
        }
        if (m.namespace() == null || m.namespace().isEmpty()) {
            problems.add("The parameter " + at + ".Namespace is required.");
        }
        if (m.metricName() == null || m.metricName().isEmpty()) {
            problems.add("The parameter " + at + ".MetricName is required.");
        }
        checkDimensions(m.hasDimensions() ? m.dimensions() : List.of(), at + ".Dimensions", problems);
    }

    static void checkPeriod(Integer period, String at, List<String> problems) {
        if (period == null) {
            problems.add("The parameter " + at + " is required.");
        } else if (!(period == 1 || period == 5 || period == 10 || period == 20 || period == 30
                || (period >= 60 && period % 60 == 0))) {
            problems.add("The value " + period + " for parameter " + at + " is invalid: use 1, 5, 10, 20, 30 or a"
                    + " multiple of 60 seconds.");
        }
    }

    private MetricDataResult evaluate(MetricDataQuery q, Instant start, Instant end, boolean descending) {
        MetricStat ms = q.metricStat();
        MetricKey key = MetricKey.of(ms.metric().namespace(), ms.metric().metricName(), ms.metric().dimensions());
        TreeMap<Instant, Aggregate> periods = store.periods(key, start, end, ms.period(),
                ms.unitAsString());
        List<Instant> ts = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Instant, Aggregate> e : (descending ? periods.descendingMap() : periods).entrySet()) {
            OptionalDouble v = e.getValue().stat(ms.stat());
            if (v.isPresent()) {
                ts.add(e.getKey());
                values.add(v.getAsDouble());
            }
        }
        return MetricDataResult.builder().id(q.id()).label(q.label() != null ? q.label() : key.name())
                .timestamps(ts).values(values).statusCode(StatusCode.COMPLETE).build();
    }

    // ------------------------------------------------------------------------------------ GetMetricStatistics

    /** GetMetricStatistics. */
    public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest r) {
        for (String[] p : new String[][] {{"Namespace", r.namespace()}, {"MetricName", r.metricName()}}) {
            if (p[1] == null) {
                throw CwErrors.missing(p[0]);
            }
        }
        if (r.startTime() == null) {
            throw CwErrors.missing("StartTime");
        }
        if (r.endTime() == null) {
            throw CwErrors.missing("EndTime");
        }
        if (r.period() == null) {
            throw CwErrors.missing("Period");
        }
        List<String> stats = new ArrayList<>(r.hasStatistics() ? r.statisticsAsStrings() : List.of());
        List<String> extended = r.hasExtendedStatistics() ? r.extendedStatistics() : List.of();
        if (stats.isEmpty() && extended.isEmpty()) {
            throw CwErrors.missing("Statistics or ExtendedStatistics");
        }
        if (!stats.isEmpty() && !extended.isEmpty()) {
            throw CwErrors.invalidCombination("The parameters Statistics and ExtendedStatistics are mutually"
                    + " exclusive.");
        }
        List<String> problems = new ArrayList<>();
        checkPeriod(r.period(), "Period", problems);
        checkDimensions(r.hasDimensions() ? r.dimensions() : List.of(), "Dimensions", problems);
        if (!r.startTime().isBefore(r.endTime())) {
            problems.add("The parameter StartTime (" + r.startTime() + ") must be before EndTime (" + r.endTime()
                    + ").");
        }
        for (String s : stats) {
            if (!Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(s)) {
                problems.add("The value '" + s + "' for parameter Statistics is invalid.");
            }
        }
        for (String s : extended) {
            if (!Aggregate.isPercentile(s) || Aggregate.checkStat(s) != null) {
                problems.add("The value '" + s + "' for parameter ExtendedStatistics is invalid: a percentile"
                        + " p0.0-p100.");
            }
        }
        if (!problems.isEmpty()) {
            throw CwErrors.invalidValues(problems);
        }
        Instant alignedStart = MetricStore.align(r.startTime(), r.period());
        long buckets = (Duration.between(alignedStart, r.endTime()).getSeconds() + r.period() - 1) / r.period();
        if (buckets > MAX_STATISTICS_DATAPOINTS) {
            throw CwErrors.invalidCombination(String.format(java.util.Locale.ROOT, "You have requested up to %,d"
                    + " datapoints, which exceeds the limit of %,d.", buckets, MAX_STATISTICS_DATAPOINTS) + " You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.");
        }
        MetricKey key = MetricKey.of(r.namespace(), r.metricName(), r.dimensions());
        List<Datapoint> points = new ArrayList<>();
        for (Map.Entry<Instant, Aggregate> e : store.periods(key, r.startTime(), r.endTime(), r.period(),
                r.unitAsString()).entrySet()) {
            Aggregate a = e.getValue();
            Datapoint.Builder b = Datapoint.builder().timestamp(e.getKey());
            String unit = r.unitAsString() != null ? r.unitAsString() : unitOf(key, e.getKey(), r.period());
            b.unit(unit);
            for (String s : stats) {
                switch (s) {
                    case "SampleCount" -> b.sampleCount(a.sampleCount());
                    case "Average" -> b.average(a.average());
                    case "Sum" -> b.sum(a.sum());
                    case "Minimum" -> b.minimum(a.minimum());
                    default -> b.maximum(a.maximum());
                }
            }
            if (!extended.isEmpty()) {
                Map<String, Double> ex = new java.util.LinkedHashMap<>();
                for (String s : extended) {
                    a.stat(s).ifPresent(v -> ex.put(s, v));
                }
                b.extendedStatistics(ex);
            }
            points.add(b.build());
        }
        return GetMetricStatisticsResponse.builder().label(r.metricName()).datapoints(points).build();
    }

    private String unitOf(MetricKey key, Instant periodStart, int period) {
        MetricStore.Series s = store.find(key);
        var in = s.samples.subMap(periodStart, true, periodStart.plusSeconds(period), false);
        return in.isEmpty() ? "None" : in.firstEntry().getValue().get(0).unit();
    }

    // -------------------------------------------------------------------------------------------- ListMetrics

    /** ListMetrics: filters on namespace, name and dimensions (name, optionally value); 500 per page. */
    public ListMetricsResponse list(ListMetricsRequest r, Instant now) {
        List<DimensionFilter> filters = r.hasDimensions() ? r.dimensions() : List.of();
        if (filters.size() > 10) {
            throw CwErrors.invalidValue("The collection Dimensions must not have a size greater than 10, got "
                    + filters.size() + ".");
        }
        String active = r.recentlyActiveAsString();
        if (active != null && !active.equals("PT3H")) {
            throw CwErrors.invalidValue("The value '" + active + "' for parameter RecentlyActive is invalid: PT3H.");
        }
        List<Metric> out = new ArrayList<>();
        for (MetricStore.Series s : store.all()) {
            MetricKey k = s.key;
            if (r.namespace() != null && !r.namespace().equals(k.namespace())
                    || r.metricName() != null && !r.metricName().equals(k.name())
                    || active != null && s.lastPut.isBefore(now.minus(Duration.ofHours(3)))
                    || s.lastPut.isBefore(now.minus(Duration.ofDays(14)))) {
                continue;
            }
            boolean match = true;
            for (DimensionFilter f : filters) {
                String v = k.dimensions().get(f.name());
                if (v == null || (f.value() != null && !f.value().equals(v))) {
                    match = false;
                    break;
                }
            }
            if (match) {
                out.add(k.toMetric());
            }
        }
        int fingerprint = r.toBuilder().nextToken(null).build().hashCode();
        int offset = Tokens.offset("ListMetrics", fingerprint, r.nextToken());
        int to = Math.min(out.size(), offset + 500);
        List<Metric> page = offset >= out.size() ? List.of() : out.subList(offset, to);
        return ListMetricsResponse.builder().metrics(page)
                .nextToken(to < out.size() ? Tokens.issue("ListMetrics", fingerprint, to) : null).build();
    }

    /**
     * @return the aggregate of one metric's period, for alarm evaluation
     */
    TreeMap<Instant, Aggregate> periods(MetricKey key, Instant from, Instant to, int period, String unit) {
        return store.periods(key, from, to, period, unit);
    }
}
