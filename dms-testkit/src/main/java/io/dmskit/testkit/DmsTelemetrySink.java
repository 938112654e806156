package io.dmskit.testkit;

import io.dmskit.testkit.internal.fake.TelemetrySink;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Writes what {@link FakeDms} publishes into the attached clients: into a {@link FakeCloudWatch} or
 * {@link FakeCloudWatchLogs} as the AWS service (the {@code AWS/} namespace allowed, groups and streams created on
 * first use), into any other client through its public operations (for example moto_server's).
 */
final class DmsTelemetrySink implements TelemetrySink {

    private final CloudWatchClient cloudWatch;
    private final CloudWatchLogsClient logs;

    DmsTelemetrySink(CloudWatchClient cloudWatch, CloudWatchLogsClient logs) {
        this.cloudWatch = cloudWatch;
        this.logs = logs;
    }

    @Override
    public void putMetricData(String namespace, List<MetricDatum> data) {
        PutMetricDataRequest r = PutMetricDataRequest.builder().namespace(namespace).metricData(data).build();
        if (cloudWatch instanceof FakeCloudWatch fake) {
            fake.putServiceMetricData(r);
        } else if (cloudWatch != null) {
            cloudWatch.putMetricData(r);
        }
    }

    @Override
    public void putLogEvents(String group, String stream, List<InputLogEvent> events) {
        PutLogEventsRequest r = PutLogEventsRequest.builder().logGroupName(group).logStreamName(stream)
                .logEvents(events).build();
        if (logs instanceof FakeCloudWatchLogs fake) {
            fake.appendAsService(group, stream, r);
        } else if (logs != null) {
            try {
                logs.createLogGroup(b -> b.logGroupName(group));
            } catch (ResourceAlreadyExistsException e) {
                // created before
            }
            try {
                logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
            } catch (ResourceAlreadyExistsException e) {
                // created before
            }
            logs.putLogEvents(r);
        }
    }

    @Override
    public boolean publishesMetrics() {
        return cloudWatch != null;
    }

    @Override
    public boolean publishesLogs() {
        return logs != null;
    }
}
