package io.dmskit.testkit.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatchLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

@DisplayName("FakeCloudWatchLogs behaves like CloudWatch Logs through the SDK interface")
class FakeCloudWatchLogsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final FakeClock clock = FakeClock.startingAt(T0);
    private final CloudWatchLogsClient logs = FakeCloudWatchLogs.builder().clock(clock).build();

    @BeforeEach
    void group() {
        logs.createLogGroup(b -> b.logGroupName("dms-tasks-ri1"));
        logs.createLogStream(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA"));
    }

    private void write(String stream, long offsetMillis, String... messages) {
        List<InputLogEvent> events = new ArrayList<>();
        for (String m : messages) {
            events.add(InputLogEvent.builder().timestamp(T0.toEpochMilli() + offsetMillis).message(m).build());
        }
        logs.putLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName(stream).logEvents(events));
    }

    @Test
    @DisplayName("groups and streams: AWS's already-exists and not-found errors, ARNs, delete")
    void groupsAndStreams() {
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("dms-tasks-ri1")))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException"));
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName("nope").logStreamName("s")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> logs.createLogGroup(b -> b.logGroupName("bad name!")))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> logs.createLogStream(b -> b.logGroupName("dms-tasks-ri1").logStreamName("a:b")))
                .isInstanceOf(InvalidParameterException.class);
        LogGroup g = logs.describeLogGroups(b -> b.logGroupNamePrefix("dms-tasks-")).logGroups().get(0);
        assertThat(g.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:dms-tasks-ri1");
        assertThat(g.arn()).isEqualTo(g.logGroupArn() + ":*");
        assertThat(g.creationTime()).isEqualTo(T0.toEpochMilli());
        logs.deleteLogGroup(b -> b.logGroupName("dms-tasks-ri1"));
        assertThat(logs.describeLogGroups().logGroups()).isEmpty();
        assertThatThrownBy(() -> logs.deleteLogGroup(b -> b.logGroupName("dms-tasks-ri1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("DescribeLogGroups and DescribeLogStreams: prefix, pattern, order by last event time, pagination")
    void describe() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            logs.createLogGroup(b -> b.logGroupName("app-" + n));
        }
        var page = logs.describeLogGroups(b -> b.limit(2));
        assertThat(page.logGroups()).extracting(LogGroup::logGroupName).containsExactly("app-0", "app-1");
        assertThat(logs.describeLogGroups(b -> b.limit(2).nextToken(page.nextToken())).logGroups())
                .extracting(LogGroup::logGroupName).containsExactly("app-2", "dms-tasks-ri1");
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePattern("TASKS")).logGroups()).hasSize(1);
        assertThatThrownBy(() -> logs.describeLogGroups(b -> b.logGroupNamePattern("a").logGroupNamePrefix("a")))
                .isInstanceOf(InvalidParameterException.class);

        logs.createLogStream(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-BBB"));
        write("dms-task-BBB", 1000, "b");
        write("dms-task-AAA", 2000, "a");
        assertThat(logs.describeLogStreams(b -> b.logGroupName("dms-tasks-ri1").orderBy(OrderBy.LAST_EVENT_TIME)
                .descending(true)).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("dms-task-AAA", "dms-task-BBB");
        LogStream a = logs.describeLogStreams(b -> b.logGroupName("dms-tasks-ri1").logStreamNamePrefix("dms-task-A"))
                .logStreams().get(0);
        assertThat(a.lastEventTimestamp()).isEqualTo(T0.toEpochMilli() + 2000);
        assertThat(a.arn()).endsWith(":log-group:dms-tasks-ri1:log-stream:dms-task-AAA");
        assertThatThrownBy(() -> logs.describeLogStreams(b -> b.logGroupName("dms-tasks-ri1")
                .orderBy(OrderBy.LAST_EVENT_TIME).logStreamNamePrefix("x")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    @DisplayName("PutLogEvents: chronological order, 24-hour span, too old and too new events rejected by index")
    void putLogEventsRules() {
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .logEvents(e -> e.timestamp(T0.toEpochMilli() + 5).message("later"),
                        e -> e.timestamp(T0.toEpochMilli()).message("earlier"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("chronological");
        assertThatThrownBy(() -> logs.putLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .logEvents(e -> e.timestamp(T0.toEpochMilli()).message("a"),
                        e -> e.timestamp(T0.plus(Duration.ofHours(25)).toEpochMilli()).message("b"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("24 hours");
        PutLogEventsResponse r = logs.putLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .logEvents(e -> e.timestamp(T0.minus(Duration.ofDays(14)).minusSeconds(3600).toEpochMilli())
                                .message("old"),
                        e -> e.timestamp(T0.minus(Duration.ofDays(14)).plusSeconds(3600).toEpochMilli()).message("ok")));
        assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isZero();
        PutLogEventsResponse r2 = logs.putLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .logEvents(e -> e.timestamp(T0.plus(Duration.ofHours(1)).toEpochMilli()).message("soon"),
                        e -> e.timestamp(T0.plus(Duration.ofHours(3)).toEpochMilli()).message("future")));
        assertThat(r2.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
        assertThat(logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")).events())
                .extracting(OutputLogEvent::message).containsExactly("ok", "soon");
        String big = "x".repeat(600_000);
        assertThatThrownBy(() -> write("dms-task-AAA", 0, big, big)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("1048576");
        assertThatThrownBy(() -> write("dms-task-ZZZ", 0, "a")).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("GetLogEvents pages forward from the head and returns the same token at the end of the stream")
    void getLogEventsTokens() {
        for (int i = 0; i < 5; i++) {
            write("dms-task-AAA", i * 1000L, "line " + i);
        }
        GetLogEventsResponse p1 = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .startFromHead(true).limit(2));
        assertThat(p1.events()).extracting(OutputLogEvent::message).containsExactly("line 0", "line 1");
        GetLogEventsResponse p2 = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .nextToken(p1.nextForwardToken()).limit(2));
        assertThat(p2.events()).extracting(OutputLogEvent::message).containsExactly("line 2", "line 3");
        GetLogEventsResponse p3 = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .nextToken(p2.nextForwardToken()).limit(2));
        assertThat(p3.events()).extracting(OutputLogEvent::message).containsExactly("line 4");
        GetLogEventsResponse end = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .nextToken(p3.nextForwardToken()));
        assertThat(end.events()).isEmpty();
        assertThat(end.nextForwardToken()).isEqualTo(p3.nextForwardToken());

        write("dms-task-AAA", 9000, "line 5");
        assertThat(logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .nextToken(end.nextForwardToken())).events()).extracting(OutputLogEvent::message)
                .containsExactly("line 5");

        GetLogEventsResponse back = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1")
                .logStreamName("dms-task-AAA").nextToken(p2.nextBackwardToken()));
        assertThat(back.events()).extracting(OutputLogEvent::message).containsExactly("line 0", "line 1");
        GetLogEventsResponse tail = logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1")
                .logStreamName("dms-task-AAA").limit(2));
        assertThat(tail.events()).extracting(OutputLogEvent::message).containsExactly("line 4", "line 5");
        assertThat(logs.getLogEvents(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-AAA")
                .startTime(T0.toEpochMilli() + 1000).endTime(T0.toEpochMilli() + 3000)).events())
                .extracting(OutputLogEvent::message).containsExactly("line 1", "line 2");
    }

    @Test
    @DisplayName("FilterLogEvents: terms (AND), quoted phrases, ?alternatives, -exclusions, stream prefix, pages")
    void filterLogEvents() {
        logs.createLogStream(b -> b.logGroupName("dms-tasks-ri1").logStreamName("dms-task-BBB"));
        write("dms-task-AAA", 0, "2026-03-01T10:00:00 [TASK_MANAGER    ]I:  Task started  (replicationtask.c:1)");
        write("dms-task-BBB", 500, "2026-03-01T10:00:00 [SOURCE_CAPTURE  ]E:  Cannot read binlog  (x.c:2)");
        write("dms-task-AAA", 1000, "2026-03-01T10:00:01 [TARGET_LOAD     ]W:  Slow target  (y.c:3)");

        assertThat(filter("\"]E:\"", null)).containsExactly("Cannot read binlog");
        assertThat(filter("?\"]E:\" ?\"]W:\"", null)).containsExactly("Cannot read binlog", "Slow target");
        assertThat(filter("Task started", null)).containsExactly("Task started");
        assertThat(filter("-TASK_MANAGER", null)).containsExactly("Cannot read binlog", "Slow target");
        assertThat(filter("", "dms-task-A")).containsExactly("Task started", "Slow target");
        assertThat(filter("STARTED", null)).isEmpty(); // case-sensitive

        var first = logs.filterLogEvents(b -> b.logGroupName("dms-tasks-ri1").limit(2));
        assertThat(first.events()).hasSize(2);
        assertThat(first.events().get(1).logStreamName()).isEqualTo("dms-task-BBB");
        assertThat(logs.filterLogEvents(b -> b.logGroupName("dms-tasks-ri1").limit(2).nextToken(first.nextToken()))
                .events()).extracting(FilteredLogEvent::message).singleElement().asString().contains("Slow target");
        assertThatThrownBy(() -> logs.filterLogEvents(b -> b.logGroupName("dms-tasks-ri1").filterPattern("{ $.a = 1 }")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("unstructured");
    }

    private List<String> filter(String pattern, String prefix) {
        List<String> out = new ArrayList<>();
        for (FilteredLogEvent e : logs.filterLogEvents(b -> b.logGroupName("dms-tasks-ri1").filterPattern(pattern)
                .logStreamNamePrefix(prefix)).events()) {
            String m = e.message();
            out.add(m.substring(m.indexOf(":  ") + 3, m.lastIndexOf("  (")));
        }
        return out;
    }
}
