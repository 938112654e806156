package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.testkit.FakeCloudWatchLogs;
import io.dmskit.testkit.FakeDms;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A task's log read and followed through the SDK's CloudWatchLogsClient (dms-testkit's FakeCloudWatchLogs). */
class TaskLogsTest {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private FakeDms dms;
    private FakeCloudWatchLogs logs;
    private String group;
    private String stream;
    private DmsObserver observer;

    @BeforeEach
    void setUp() {
        dms = FakeDms.create();
        logs = FakeCloudWatchLogs.builder().clock(dms.clock()).build();
        String arn = new Resources(dms, "logs-ri").task("logs-task");
        group = "dms-tasks-logs-ri";
        stream = "dms-task-" + DmsMetrics.resourceId(arn);
        logs.createLogGroup(b -> b.logGroupName(group));
        logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        observer = DmsObserver.builder().dms(dms).logs(logs).clock(dms.clock())
            .sleeper(d -> {
                dms.clock().advance(d);
                write("TARGET_APPLY    ]I:  Applied batch of 10 changes  (bulk_apply.c:120)");
            })
            .pollInterval(Duration.ofSeconds(5)).build();
    }

    private void write(String rest) {
        long now = dms.clock().millis();
        logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream)
            .logEvents(e -> e.timestamp(now).message(TS.format(dms.clock().instant()) + " [" + rest)));
    }

    @Test
    void theTasksStreamIsNamedLikeDmsNamesIt() {
        TaskLogs t = observer.logs("logs-task");
        assertThat(t.logGroup()).isEqualTo(group);
        assertThat(t.logStream()).isEqualTo(stream).doesNotContain("logs-task");
    }

    @Test
    void readFiltersByComponentAndSeverity() {
        write("TASK_MANAGER    ]I:  Task 'logs-task' running full load and CDC in fresh start mode  (replicationtask.c:1)");
        write("SOURCE_CAPTURE  ]W:  Binary logging retention is short  (mysql_endpoint_capture.c:2)");
        write("TARGET_LOAD     ]E:  Failed to write file to S3 bucket  (s3_load.c:3)");
        TaskLogs t = observer.logs("logs-task");
        assertThat(t.read(LogFilter.all())).hasSize(3);
        assertThat(t.read(LogFilter.all().atLeast(LogSeverity.WARNING))).extracting(LogEntry::component)
            .containsExactly("SOURCE_CAPTURE", "TARGET_LOAD");
        assertThat(t.read(LogFilter.all().components("TARGET_LOAD")).get(0).message())
            .isEqualTo("Failed to write file to S3 bucket");
    }

    @Test
    void followHandsOverNewEntriesOnlyOnce() {
        write("TASK_MANAGER    ]I:  Task started  (replicationtask.c:1)");
        TaskLogs t = observer.logs("logs-task");
        List<LogEntry> seen = new ArrayList<>();
        int n = t.follow(LogFilter.all(), Duration.ofSeconds(20), seen::add);
        assertThat(n).isEqualTo(seen.size()).isEqualTo(5);   // the first line, then one per 5-second poll
        assertThat(seen.get(0).message()).isEqualTo("Task started");
        assertThat(seen.subList(1, 5)).allMatch(e -> e.component().equals("TARGET_APPLY"));
        assertThat(t.poll(LogFilter.all())).isEmpty();
    }

    @Test
    void awaitEntryTimesOutNamingTheLastLineSeen() {
        TaskLogs t = observer.logs("logs-task");
        LogEntry applied = t.awaitEntry(LogFilter.all().components("TARGET_APPLY"), e -> true, Duration.ofMinutes(1));
        assertThat(applied.message()).startsWith("Applied batch");
        assertThatThrownBy(() -> t.awaitEntry(LogFilter.all(), e -> e.severity() == LogSeverity.ERROR,
            Duration.ofSeconds(30))).isInstanceOf(WaitTimeoutException.class)
            .hasMessageContaining("a matching log entry").hasMessageContaining("Applied batch of 10 changes");
    }

    @Test
    void withoutALogsClientTheErrorSaysWhatToAdd() {
        DmsObserver noLogs = DmsObserver.builder().dms(dms).build();
        assertThatThrownBy(() -> noLogs.logs("logs-task")).isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("DmsObserver.builder().logs(client)");
    }
}
