package io.dmskit.observe.internal;

import io.dmskit.observe.DmsMetrics;
import io.dmskit.observe.MetricValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Reads the latest Average of many {@code AWS/DMS} metrics with as few {@code GetMetricData} calls as CloudWatch
 * allows: up to 500 metric queries per call (the documented maximum of MetricDataQueries), results paged with
 * NextToken, newest datapoint first ({@code ScanBy=TimestampDescending}).
 */
public final class MetricReader {

    /** CloudWatch's limit of queries in one GetMetricData request. */
    public static final int MAX_QUERIES = 500;

    /**
     * One metric to read.
     *
     * @param owner whose value it is (a task ARN or an instance identifier)
     * @param metric the metric name
     * @param dimensions the dimensions, in order
     */
    public record Request(String owner, String metric, Map<String, String> dimensions) {
    }

    private final CloudWatchClient cloudWatch;
    private final AwsCalls aws;
    private final Clock clock;
    private final Duration period;
    private final int lookbackPeriods;

    /**
     * @param cloudWatch client, or null (then nothing is read)
     * @param aws call counter
     * @param clock clock
     * @param period the statistic's period
     * @param lookbackPeriods how many periods back to look for the latest datapoint
     */
    public MetricReader(CloudWatchClient cloudWatch, AwsCalls aws, Clock clock, Duration period, int lookbackPeriods) {
        this.cloudWatch = cloudWatch;
        this.aws = aws;
        this.clock = clock;
        this.period = period;
        this.lookbackPeriods = lookbackPeriods;
    }

    /** @return the period */
    public Duration period() {
        return period;
    }

    /**
     * @param taskResourceId the task's resource id
     * @param instanceIdentifier the instance identifier
     * @return the two dimensions of a task metric
     */
    public static Map<String, String> taskDimensions(String instanceIdentifier, String taskResourceId) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(DmsMetrics.INSTANCE_DIMENSION, instanceIdentifier);
        d.put(DmsMetrics.TASK_DIMENSION, taskResourceId);
        return d;
    }

    /**
     * @param requests metrics to read
     * @return per owner, its latest values (owners without any datapoint map to empty values)
     */
    public Map<String, MetricValues> latest(List<Request> requests) {
        Map<String, Map<String, Double>> values = new HashMap<>();
        Map<String, Map<String, Instant>> stamps = new HashMap<>();
        requests.forEach(r -> {
            values.computeIfAbsent(r.owner(), k -> new HashMap<>());
            stamps.computeIfAbsent(r.owner(), k -> new HashMap<>());
        });
        if (cloudWatch != null && !requests.isEmpty()) {
            Instant end = clock.instant();
            Instant start = end.minus(period.multipliedBy(lookbackPeriods));
            for (int i = 0; i < requests.size(); i += MAX_QUERIES) {
                List<Request> slice = requests.subList(i, Math.min(requests.size(), i + MAX_QUERIES));
                read(slice, start, end, values, stamps);
            }
        }
        Map<String, MetricValues> out = new LinkedHashMap<>();
        values.forEach((owner, v) -> out.put(owner, new MetricValues(period, v, stamps.get(owner))));
        return out;
    }

    /**
     * @param requests metrics (of one owner) to read together, in one call per page
     * @param periods how many periods back
     * @return per metric name, its datapoints over the last periods (Average per period), oldest first
     */
    public Map<String, List<Double>> series(List<Request> requests, int periods) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        requests.forEach(r -> out.put(r.metric(), new ArrayList<>()));
        if (cloudWatch == null || requests.isEmpty()) {
            return out;
        }
        Instant end = clock.instant();
        Instant start = end.minus(period.multipliedBy(periods));
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            queries.add(query("m" + i, requests.get(i)));
        }
        String token = null;
        do {
            String t = token;
            GetMetricDataResponse r = aws.call("GetMetricData", requests.get(0).owner(), () -> cloudWatch
                .getMetricData(b -> b.metricDataQueries(queries).startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(t)));
            for (MetricDataResult res : r.metricDataResults()) {
                int idx = Integer.parseInt(res.id().substring(1));
                out.get(requests.get(idx).metric()).addAll(res.values());
            }
            token = r.nextToken();
        } while (token != null);
        return out;
    }

    private void read(List<Request> slice, Instant start, Instant end, Map<String, Map<String, Double>> values,
                      Map<String, Map<String, Instant>> stamps) {
        List<MetricDataQuery> queries = new ArrayList<>();
        Map<String, Request> byId = new HashMap<>();
        for (int i = 0; i < slice.size(); i++) {
            String id = "m" + i;
            queries.add(query(id, slice.get(i)));
            byId.put(id, slice.get(i));
        }
        String token = null;
        do {
            String t = token;
            GetMetricDataResponse r = aws.call("GetMetricData", slice.size() + " metrics", () -> cloudWatch
                .getMetricData(b -> b.metricDataQueries(queries).startTime(start).endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_DESCENDING).nextToken(t)));
            for (MetricDataResult res : r.metricDataResults()) {
                Request req = byId.get(res.id());
                if (req == null || !res.hasValues() || res.values().isEmpty()) {
                    continue;
                }
                Instant newest = res.timestamps().get(0);
                double value = res.values().get(0);
                for (int k = 1; k < res.timestamps().size(); k++) {
                    if (res.timestamps().get(k).isAfter(newest)) {
                        newest = res.timestamps().get(k);
                        value = res.values().get(k);
                    }
                }
                Instant known = stamps.get(req.owner()).get(req.metric());
                if (known == null || newest.isAfter(known)) {
                    values.get(req.owner()).put(req.metric(), value);
                    stamps.get(req.owner()).put(req.metric(), newest);
                }
            }
            token = r.nextToken();
        } while (token != null);
    }

    private MetricDataQuery query(String id, Request r) {
        List<Dimension> dims = new ArrayList<>();
        r.dimensions().forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s
            .metric(m -> m.namespace(DmsMetrics.NAMESPACE).metricName(r.metric()).dimensions(dims))
            .period((int) period.toSeconds()).stat("Average")).build();
    }
}
