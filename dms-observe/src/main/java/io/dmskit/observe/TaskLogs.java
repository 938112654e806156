package io.dmskit.observe;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.observe.internal.AwsCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A task's CloudWatch Logs stream, read and followed. DMS writes a task's log (when the task settings'
 * {@code Logging.EnableLogging} is true) to the log group {@code dms-tasks-<replication instance identifier>}, stream
 * {@code dms-task-<task resource id>} ("Viewing and managing AWS DMS task logs",
 * https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html#CHAP_Monitoring.ManagingLogs).
 *
 * <pre>{@code
 * TaskLogs logs = observer.logs("orders-replication");
 * List<LogEntry> warnings = logs.read(LogFilter.all().atLeast(LogSeverity.WARNING));
 * logs.follow(LogFilter.all().components("TARGET_APPLY"), Duration.ofMinutes(5), System.out::println);
 * }</pre>
 *
 * <p>Not thread-safe: a follower keeps its position.
 */
public final class TaskLogs {

    private final CloudWatchLogsClient logs;
    private final AwsCalls aws;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final String logGroup;
    private final String logStream;
    private String forwardToken;

    TaskLogs(CloudWatchLogsClient logs, AwsCalls aws, Clock clock, Sleeper sleeper, Duration pollInterval,
             String logGroup, String logStream) {
        this.logs = logs;
        this.aws = aws;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
        this.logGroup = logGroup;
        this.logStream = logStream;
    }

    /**
     * {@return the log group DMS writes the instance's task logs to}
     *
     * @param instanceIdentifier the replication instance identifier
     */
    public static String logGroupName(String instanceIdentifier) {
        return "dms-tasks-" + Objects.requireNonNull(instanceIdentifier, "instanceIdentifier");
    }

    /**
     * {@return the log stream DMS writes the task's log to}
     *
     * @param taskResourceId the task's resource id (the last part of its ARN)
     */
    public static String logStreamName(String taskResourceId) {
        return "dms-task-" + Objects.requireNonNull(taskResourceId, "taskResourceId");
    }

    /**
     * {@return the log group}
     */
    public String logGroup() {
        return logGroup;
    }

    /**
     * {@return the log stream}
     */
    public String logStream() {
        return logStream;
    }

    /**
     * Reads the whole stream from its start.
     *
     * @param filter which entries to keep
     * @return the entries, oldest first (lines not in DMS's format are skipped)
     */
    public List<LogEntry> read(LogFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<LogEntry> out = new ArrayList<>();
        String token = null;
        while (true) {
            Page p = page(token);
            p.entries.stream().filter(filter::test).forEach(out::add);
            if (p.next == null || p.next.equals(token)) {
                return out;
            }
            token = p.next;
        }
    }

    /**
     * Returns the entries written since the previous call to {@code poll} (from the stream's start the first time).
     *
     * @param filter which entries to keep
     * @return new entries, oldest first
     */
    public List<LogEntry> poll(LogFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<LogEntry> out = new ArrayList<>();
        while (true) {
            Page p = page(forwardToken);
            p.entries.stream().filter(filter::test).forEach(out::add);
            boolean done = p.next == null || p.next.equals(forwardToken);
            if (p.next != null) {
                forwardToken = p.next;
            }
            if (done || p.entries.isEmpty()) {
                return out;
            }
        }
    }

    /**
     * Follows the stream for a while, handing each new entry to the sink, polling at the observer's poll interval.
     *
     * @param filter which entries to keep
     * @param howLong how long to follow
     * @param sink receives each entry
     * @return how many entries the sink received
     */
    public int follow(LogFilter filter, Duration howLong, Consumer<LogEntry> sink) {
        Objects.requireNonNull(sink, "sink");
        Instant end = clock.instant().plus(Objects.requireNonNull(howLong, "howLong"));
        int n = 0;
        while (true) {
            for (LogEntry e : poll(filter)) {
                sink.accept(e);
                n++;
            }
            if (!clock.instant().isBefore(end)) {
                return n;
            }
            pause();
        }
    }

    /**
     * Follows the stream until an entry matches.
     *
     * @param filter which entries to look at
     * @param wanted the entry waited for
     * @param timeout how long to wait
     * @return the first matching entry
     * @throws WaitTimeoutException when none arrived in time (the message names the last entry seen)
     */
    public LogEntry awaitEntry(LogFilter filter, Predicate<LogEntry> wanted, Duration timeout) {
        Objects.requireNonNull(wanted, "wanted");
        Instant start = clock.instant();
        Instant end = start.plus(Objects.requireNonNull(timeout, "timeout"));
        LogEntry last = null;
        while (true) {
            for (LogEntry e : poll(filter)) {
                if (wanted.test(e)) {
                    return e;
                }
                last = e;
            }
            if (!clock.instant().isBefore(end)) {
                throw new WaitTimeoutException(logGroup + "/" + logStream, "awaitEntry", "a matching log entry",
                    last == null ? "no entry" : last.raw(), Duration.between(start, clock.instant()));
            }
            pause();
        }
    }

    private void pause() {
        try {
            sleeper.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted while following " + logGroup + "/" + logStream, e);
        }
    }

    private Page page(String token) {
        GetLogEventsResponse r;
        try {
            r = aws.call("GetLogEvents", logGroup + "/" + logStream, () -> logs.getLogEvents(b -> b
                .logGroupName(logGroup).logStreamName(logStream).startFromHead(true).nextToken(token)));
        } catch (DmsKitException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return new Page(List.of(), token); // DMS has not written the stream yet
            }
            throw e;
        }
        List<LogEntry> entries = new ArrayList<>();
        for (OutputLogEvent ev : r.events()) {
            Optional<LogEntry> e = LogEntry.parse(ev.message());
            e.ifPresent(entries::add);
        }
        return new Page(entries, r.nextForwardToken());
    }

    private record Page(List<LogEntry> entries, String next) {
    }

    @Override
    public String toString() {
        return "TaskLogs{" + logGroup + "/" + logStream + "}";
    }
}
