package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.internal.fake.CallLog;
import io.dmskit.testkit.internal.logs.LogOps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyResponse;

/**
 * An in-memory Amazon CloudWatch Logs behind the SDK's own {@link CloudWatchLogsClient}, on a {@link FakeClock}:
 * log groups, log streams and their events, where {@link FakeDms} writes DMS's task logs.
 *
 * <pre>{@code
 * FakeCloudWatchLogs logs = FakeCloudWatchLogs.builder().clock(clock).build();
 * logs.createLogGroup(b -> b.logGroupName("app"));
 * logs.createLogStream(b -> b.logGroupName("app").logStreamName("s1"));
 * logs.putLogEvents(b -> b.logGroupName("app").logStreamName("s1")
 *         .logEvents(e -> e.timestamp(clock.millis()).message("started")));
 * logs.filterLogEvents(b -> b.logGroupName("app").filterPattern("\"started\"")).events();
 * }</pre>
 *
 * <p>Implemented: CreateLogGroup, DeleteLogGroup, DescribeLogGroups (prefix or pattern, pagination),
 * PutRetentionPolicy, CreateLogStream, DeleteLogStream, DescribeLogStreams (prefix, order by name or last event time,
 * descending, pagination), PutLogEvents (chronological batches of at most 10,000 events and 1,048,576 bytes spanning
 * at most 24 hours; events more than 14 days old, older than the retention, or more than 2 hours ahead are rejected
 * and reported in {@code rejectedLogEventsInfo}), GetLogEvents (time range, {@code startFromHead}, forward and backward
 * tokens; at the end of the stream the same token is returned) and FilterLogEvents (stream names or prefix, time
 * range, unstructured filter patterns: terms, quoted phrases, {@code ?} alternatives, {@code -} exclusions;
 * pagination). Errors are the SDK's {@code ResourceNotFoundException}, {@code ResourceAlreadyExistsException} and
 * {@code InvalidParameterException} with those error codes. Other operations throw
 * {@link UnsupportedOperationException} (the SDK interface's default). Thread-safe.
 */
public final class FakeCloudWatchLogs implements CloudWatchLogsClient {

    private final Object lock = new Object();
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final LogOps logs;
    private final CallLog calls = CallLog.forClient("CloudWatch Logs", software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.class);
    private final List<Runnable> beforeEachCall = new CopyOnWriteArrayList<>();

    private FakeCloudWatchLogs(Builder b) {
        this.clock = b.clock != null ? b.clock : FakeClock.create();
        this.region = b.region;
        this.accountId = b.accountId;
        this.logs = new LogOps(region, accountId);
    }

    /**
     * {@return a fake for account {@code 123456789012} in {@code us-east-1} on a new {@link FakeClock}}
     */
    public static FakeCloudWatchLogs create() {
        return builder().build();
    }

    /**
     * {@return a builder (clock, account, region)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the clock of ingestion times and of the age rules}
     */
    public Clock clock() {
        return clock;
    }

    /**
     * {@return every call so far, in arrival order}
     */
    public List<CallRecord> calls() {
        return calls.all();
    }

    /**
     * {@return the calls of that operation, in arrival order}
     *
     * @param operationName a CloudWatch Logs operation name, e.g. {@code PutLogEvents}
     */
    public List<CallRecord> calls(String operationName) {
        return calls.of(operationName);
    }

    /** Registers work that runs before every call (outside the lock). Used by {@link FakeDms}. */
    void beforeEachCall(Runnable hook) {
        beforeEachCall.add(Args.required(hook, "FakeCloudWatchLogs: hook"));
    }

    /**
     * Appends lines to a stream as an AWS service does: the group and stream are created when missing. Used by
     * {@link FakeDms} for task logs.
     */
    void appendAsService(String group, String stream, PutLogEventsRequest events) {
        call("PutLogEvents", events, false, r -> {
            Instant now = clock.instant();
            if (!logs.hasGroup(group)) {
                logs.createGroup(CreateLogGroupRequest.builder().logGroupName(group).build(), now);
            }
            if (!logs.hasStream(group, stream)) {
                logs.createStream(CreateLogStreamRequest.builder().logGroupName(group).logStreamName(stream).build(),
                        now);
            }
            return logs.put(r.toBuilder().logGroupName(group).logStreamName(stream).build(), now);
        });
    }

    private <R extends SdkRequest, T extends SdkResponse> T call(String operation, R request, boolean hooks,
                                                                 Function<R, T> work) {
        Args.required(request, "FakeCloudWatchLogs: request");
        if (hooks) {
            for (Runnable h : beforeEachCall) {
                h.run();
            }
        }
        synchronized (lock) {
            Instant now = clock.instant();
            T response;
            try {
                response = work.apply(request);
            } catch (RuntimeException e) {
                calls.record(operation, request, null, e, now);
                throw e;
            }
            calls.record(operation, request, response, null, now);
            return response;
        }
    }

    @Override
    public CreateLogGroupResponse createLogGroup(CreateLogGroupRequest r) {
        return call("CreateLogGroup", r, true, req -> {
            logs.createGroup(req, clock.instant());
            return CreateLogGroupResponse.builder().build();
        });
    }

    @Override
    public DeleteLogGroupResponse deleteLogGroup(DeleteLogGroupRequest r) {
        return call("DeleteLogGroup", r, true, req -> {
            logs.deleteGroup(req);
            return DeleteLogGroupResponse.builder().build();
        });
    }

    @Override
    public DescribeLogGroupsResponse describeLogGroups(DescribeLogGroupsRequest r) {
        return call("DescribeLogGroups", r, true, logs::describeGroups);
    }

    @Override
    public DescribeLogGroupsResponse describeLogGroups() {
        return describeLogGroups(DescribeLogGroupsRequest.builder().build());
    }

    @Override
    public PutRetentionPolicyResponse putRetentionPolicy(PutRetentionPolicyRequest r) {
        return call("PutRetentionPolicy", r, true, req -> {
            logs.retention(req);
            return PutRetentionPolicyResponse.builder().build();
        });
    }

    @Override
    public CreateLogStreamResponse createLogStream(CreateLogStreamRequest r) {
        return call("CreateLogStream", r, true, req -> {
            logs.createStream(req, clock.instant());
            return CreateLogStreamResponse.builder().build();
        });
    }

    @Override
    public DeleteLogStreamResponse deleteLogStream(DeleteLogStreamRequest r) {
        return call("DeleteLogStream", r, true, req -> {
            logs.deleteStream(req);
            return DeleteLogStreamResponse.builder().build();
        });
    }

    @Override
    public DescribeLogStreamsResponse describeLogStreams(DescribeLogStreamsRequest r) {
        return call("DescribeLogStreams", r, true, logs::describeStreams);
    }

    @Override
    public PutLogEventsResponse putLogEvents(PutLogEventsRequest r) {
        return call("PutLogEvents", r, true, req -> logs.put(req, clock.instant()));
    }

    @Override
    public GetLogEventsResponse getLogEvents(GetLogEventsRequest r) {
        return call("GetLogEvents", r, true, logs::get);
    }

    @Override
    public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest r) {
        return call("FilterLogEvents", r, true, logs::filter);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public CloudWatchLogsServiceClientConfiguration serviceClientConfiguration() {
        return CloudWatchLogsServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    /** Nothing to release; the state stays readable. */
    @Override
    public void close() {
        // in memory only
    }

    @Override
    public String toString() {
        return "FakeCloudWatchLogs[" + accountId + ", " + region + ", " + clock.instant() + "]";
    }

    /** Builds a {@link FakeCloudWatchLogs}. */
    public static final class Builder {
        private Clock clock;
        private String region = "us-east-1";
        private String accountId = "123456789012";

        private Builder() {
        }

        /**
         * Sets {@code clock}: the clock of ingestion times and age rules (share the {@link FakeDms}'s); default a new
         * {@link FakeClock}.
         *
         * @param clock the clock of ingestion times and age rules (share the {@link FakeDms}'s); default a new
         *     {@link FakeClock}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets {@code region}: the region in ARNs (default {@code us-east-1}).
         *
         * @param region the region in ARNs (default {@code us-east-1})
         * @return this builder
         */
        public Builder region(String region) {
            if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, got '" + region + "'");
            }
            this.region = region == null ? "us-east-1" : region;
            return this;
        }

        /**
         * Sets {@code accountId}: the 12-digit account in ARNs (default {@code 123456789012}).
         *
         * @param accountId the 12-digit account in ARNs (default {@code 123456789012})
         * @return this builder
         */
        public Builder accountId(String accountId) {
            if (accountId != null && !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
            }
            this.accountId = accountId == null ? "123456789012" : accountId;
            return this;
        }

        /**
         * {@return the fake}
         */
        public FakeCloudWatchLogs build() {
            return new FakeCloudWatchLogs(this);
        }
    }
}
