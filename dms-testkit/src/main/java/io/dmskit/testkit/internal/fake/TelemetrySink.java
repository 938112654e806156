package io.dmskit.testkit.internal.fake;

import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Where the fake DMS region publishes what DMS publishes: metric data of the {@code AWS/DMS} namespace and task log
 * events. Implemented by {@code FakeDms} over the attached CloudWatch and CloudWatch Logs clients. Called outside
 * the region's lock.
 */
public interface TelemetrySink {

    /**
     * @param namespace the namespace, {@code AWS/DMS}
     * @param data at most 1,000 data items
     */
    void putMetricData(String namespace, List<MetricDatum> data);

    /**
     * Appends events to a log stream, creating the group and the stream when they do not exist yet (as DMS does).
     *
     * @param group the log group
     * @param stream the log stream
     * @param events chronological events
     */
    void putLogEvents(String group, String stream, List<InputLogEvent> events);

    /** @return whether metrics go anywhere */
    boolean publishesMetrics();

    /** @return whether logs go anywhere */
    boolean publishesLogs();
}
