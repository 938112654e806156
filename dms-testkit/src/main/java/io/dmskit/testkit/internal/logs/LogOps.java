package io.dmskit.testkit.internal.logs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * Log groups, log streams and their events, with the rules of the CloudWatch Logs API reference: names (groups
 * {@code [.-_/#A-Za-z0-9]}, 1–512 characters; streams without {@code :} or {@code *}); PutLogEvents batches of at
 * most 10,000 events and 1,048,576 bytes (each event counted as its UTF-8 size plus 26 bytes), in chronological
 * order, spanning at most 24 hours, with events more than 14 days (or the retention) old or more than 2 hours ahead
 * rejected; GetLogEvents' forward and backward tokens (the same token comes back at the end of the stream);
 * FilterLogEvents across streams with unstructured filter patterns.
 */
public final class LogOps {

    private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    private static final int MAX_BATCH_BYTES = 1_048_576;
    private static final int EVENT_OVERHEAD = 26;

    private final String region;
    private final String accountId;
    private final Map<String, Group> groups = new TreeMap<>();
    private long sequence;

    /**
     * @param region the region in ARNs
     * @param accountId the account in ARNs
     */
    public LogOps(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    private static final class Group {
        final String name;
        final long created;
        Integer retentionDays;
        final Map<String, Stream> streams = new TreeMap<>();

        Group(String name, long created) {
            this.name = name;
            this.created = created;
        }
    }

    private static final class Stream {
        final String name;
        final long created;
        /** Ordered by (timestamp, sequence). */
        final List<Event> events = new ArrayList<>();
        Long lastIngestion;

        Stream(String name, long created) {
            this.name = name;
            this.created = created;
        }
    }

    private record Event(long timestamp, long seq, String message, long ingestion) {
        static final Comparator<Event> ORDER = Comparator.comparingLong(Event::timestamp)
                .thenComparingLong(Event::seq);
    }

    // ------------------------------------------------------------------------------------------------ groups

    /** CreateLogGroup. */
    public void createGroup(CreateLogGroupRequest r, Instant now) {
        String name = r.logGroupName();
        checkGroupName(name);
        if (groups.containsKey(name)) {
            throw LogsErrors.groupExists(name);
        }
        groups.put(name, new Group(name, now.toEpochMilli()));
    }

    /** DeleteLogGroup: the group with its streams and events. */
    public void deleteGroup(DeleteLogGroupRequest r) {
        String name = r.logGroupName();
        checkGroupName(name);
        if (groups.remove(name) == null) {
            throw LogsErrors.groupNotFound(name);
        }
    }

    /** PutRetentionPolicy. */
    public void retention(PutRetentionPolicyRequest r) {
        Group g = group(r.logGroupName(), null);
        List<Integer> allowed = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
                2192, 2557, 2922, 3288, 3653);
        if (r.retentionInDays() == null || !allowed.contains(r.retentionInDays())) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + r.retentionInDays() + "' at"
                    + " 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: "
                    + allowed);
        }
        g.retentionDays = r.retentionInDays();
    }

    /** DescribeLogGroups: by name prefix or case-insensitive name pattern, 1–50 per page. */
    public DescribeLogGroupsResponse describeGroups(DescribeLogGroupsRequest r) {
        if (r.logGroupNamePrefix() != null && r.logGroupNamePattern() != null) {
            throw LogsErrors.invalid("LogGroup name prefix and LogGroup name pattern are mutually exclusive"
                    + " parameters.");
        }
        int limit = limit(r.limit(), 50);
        List<LogGroup> out = new ArrayList<>();
        for (Group g : groups.values()) {
            if (r.logGroupNamePrefix() != null && !g.name.startsWith(r.logGroupNamePrefix())
                    || r.logGroupNamePattern() != null && !g.name.toLowerCase(java.util.Locale.ROOT)
                    .contains(r.logGroupNamePattern().toLowerCase(java.util.Locale.ROOT))
                    || r.hasLogGroupIdentifiers() && !r.logGroupIdentifiers().contains(g.name)
                    && !r.logGroupIdentifiers().contains(groupArn(g.name))) {
                continue;
            }
            out.add(describe(g));
        }
        int offset = offset("DescribeLogGroups", r.toBuilder().nextToken(null).build().hashCode(), r.nextToken());
        int to = Math.min(out.size(), offset + limit);
        return DescribeLogGroupsResponse.builder().logGroups(offset >= out.size() ? List.of() : out.subList(offset, to))
                .nextToken(to < out.size() ? token("DescribeLogGroups",
                        r.toBuilder().nextToken(null).build().hashCode(), to) : null).build();
    }

    private LogGroup describe(Group g) {
        long bytes = 0;
        for (Stream s : g.streams.values()) {
            for (Event e : s.events) {
                bytes += e.message.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return LogGroup.builder().logGroupName(g.name).creationTime(g.created).retentionInDays(g.retentionDays)
                .metricFilterCount(0).arn(groupArn(g.name) + ":*").logGroupArn(groupArn(g.name)).storedBytes(bytes)
                .logGroupClass("STANDARD").build();
    }

    private String groupArn(String name) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + name;
    }

    // ----------------------------------------------------------------------------------------------- streams

    /** CreateLogStream. */
    public void createStream(CreateLogStreamRequest r, Instant now) {
        Group g = group(r.logGroupName(), null);
        checkStreamName(r.logStreamName());
        if (g.streams.containsKey(r.logStreamName())) {
            throw LogsErrors.streamExists(g.name, r.logStreamName());
        }
        g.streams.put(r.logStreamName(), new Stream(r.logStreamName(), now.toEpochMilli()));
    }

    /** DeleteLogStream. */
    public void deleteStream(DeleteLogStreamRequest r) {
        Group g = group(r.logGroupName(), null);
        checkStreamName(r.logStreamName());
        if (g.streams.remove(r.logStreamName()) == null) {
            throw LogsErrors.streamNotFound(g.name, r.logStreamName());
        }
    }

    /** DescribeLogStreams: prefix, order by name or last event time, descending, 1–50 per page. */
    public DescribeLogStreamsResponse describeStreams(DescribeLogStreamsRequest r) {
        Group g = group(r.logGroupName(), r.logGroupIdentifier());
        String order = r.orderByAsString() == null ? "LogStreamName" : r.orderByAsString();
        if (!order.equals("LogStreamName") && !order.equals("LastEventTime")) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + order + "' at 'orderBy' failed to"
                    + " satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        if (order.equals("LastEventTime") && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = limit(r.limit(), 50);
        List<Stream> streams = new ArrayList<>();
        for (Stream s : g.streams.values()) {
            if (r.logStreamNamePrefix() == null || s.name.startsWith(r.logStreamNamePrefix())) {
                streams.add(s);
            }
        }
        if (order.equals("LastEventTime")) {
            streams.sort(Comparator.comparingLong(s -> s.events.isEmpty() ? Long.MIN_VALUE
                    : s.events.get(s.events.size() - 1).timestamp));
        }
        if (Boolean.TRUE.equals(r.descending())) {
            java.util.Collections.reverse(streams);
        }
        int fingerprint = r.toBuilder().nextToken(null).build().hashCode();
        int offset = offset("DescribeLogStreams", fingerprint, r.nextToken());
        int to = Math.min(streams.size(), offset + limit);
        List<LogStream> out = new ArrayList<>();
        for (Stream s : offset >= streams.size() ? List.<Stream>of() : streams.subList(offset, to)) {
            out.add(LogStream.builder().logStreamName(s.name).creationTime(s.created)
                    .firstEventTimestamp(s.events.isEmpty() ? null : s.events.get(0).timestamp)
                    .lastEventTimestamp(s.events.isEmpty() ? null : s.events.get(s.events.size() - 1).timestamp)
                    .lastIngestionTime(s.lastIngestion)
                    .arn(groupArn(g.name) + ":log-stream:" + s.name).storedBytes(0L).build());
        }
        return DescribeLogStreamsResponse.builder().logStreams(out)
                .nextToken(to < streams.size() ? token("DescribeLogStreams", fingerprint, to) : null).build();
    }

    // ------------------------------------------------------------------------------------------------ events

    /** PutLogEvents. */
    public PutLogEventsResponse put(PutLogEventsRequest r, Instant now) {
        Group g = group(r.logGroupName(), null);
        checkStreamName(r.logStreamName());
        Stream s = g.streams.get(r.logStreamName());
        if (s == null) {
            throw LogsErrors.streamNotFound(g.name, r.logStreamName());
        }
        List<InputLogEvent> events = r.hasLogEvents() ? r.logEvents() : List.of();
        if (events.isEmpty() || events.size() > 10_000) {
            throw LogsErrors.invalid("1 validation error detected: Value at 'logEvents' failed to satisfy"
                    + " constraint: Member must have length between 1 and 10000 (got " + events.size() + ").");
        }
        long bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            InputLogEvent e = events.get(i);
            if (e == null || e.timestamp() == null || e.message() == null || e.message().isEmpty()) {
                throw LogsErrors.invalid("Log event " + i + " needs a timestamp and a non-empty message.");
            }
            if (e.timestamp() < 0) {
                throw LogsErrors.invalid("Log event " + i + " has a negative timestamp: " + e.timestamp() + ".");
            }
            if (i > 0 && e.timestamp() < events.get(i - 1).timestamp()) {
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological"
                        + " order (event " + i + " at " + e.timestamp() + " follows " + events.get(i - 1).timestamp()
                        + ").");
            }
            bytes += e.message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalid("The batch of log events is " + bytes + " bytes (messages in UTF-8 plus 26 bytes"
                    + " per event); the maximum is " + MAX_BATCH_BYTES + " bytes.");
        }
        long span = events.get(events.size() - 1).timestamp() - events.get(0).timestamp();
        if (span > Duration.ofHours(24).toMillis()) {
            throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more than"
                    + " 24 hours.");
        }
        long nowMs = now.toEpochMilli();
        long oldest = nowMs - Duration.ofDays(14).toMillis();
        long expired = g.retentionDays == null ? Long.MIN_VALUE : nowMs - Duration.ofDays(g.retentionDays).toMillis();
        long newest = nowMs + Duration.ofHours(2).toMillis();
        Integer tooOldEnd = null;
        Integer expiredEnd = null;
        Integer tooNewStart = null;
        for (int i = 0; i < events.size(); i++) {
            long ts = events.get(i).timestamp();
            if (ts < expired) {
                expiredEnd = i;
            } else if (ts < oldest) {
                tooOldEnd = i;
            } else if (ts > newest) {
                if (tooNewStart == null) {
                    tooNewStart = i;
                }
            } else {
                s.events.add(new Event(ts, ++sequence, events.get(i).message(), nowMs));
            }
        }
        s.events.sort(Event.ORDER);
        s.lastIngestion = nowMs;
        RejectedLogEventsInfo rejected = tooOldEnd == null && expiredEnd == null && tooNewStart == null ? null
                : RejectedLogEventsInfo.builder().tooOldLogEventEndIndex(tooOldEnd)
                .expiredLogEventEndIndex(expiredEnd).tooNewLogEventStartIndex(tooNewStart).build();
        return PutLogEventsResponse.builder().nextSequenceToken(String.format("%056d", sequence))
                .rejectedLogEventsInfo(rejected).build();
    }

    /**
     * GetLogEvents. Tokens name a position between two events: {@code f/...} reads on after it, {@code b/...} reads
     * back before it; at either end of the stream the token passed in is returned again.
     */
    public GetLogEventsResponse get(GetLogEventsRequest r) {
        Group g = group(r.logGroupName(), r.logGroupIdentifier());
        if (r.logStreamName() == null) {
            throw LogsErrors.invalid("1 validation error detected: Value null at 'logStreamName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        Stream s = g.streams.get(r.logStreamName());
        if (s == null) {
            throw LogsErrors.streamNotFound(g.name, r.logStreamName());
        }
        int limit = limit(r.limit(), 10_000);
        List<Event> in = new ArrayList<>();
        for (Event e : s.events) {
            if ((r.startTime() == null || e.timestamp >= r.startTime())
                    && (r.endTime() == null || e.timestamp < r.endTime())) {
                in.add(e);
            }
        }
        String token = r.nextToken();
        List<Event> page;
        String forward;
        String backward;
        if (token == null) {
            boolean head = Boolean.TRUE.equals(r.startFromHead());
            page = head ? in.subList(0, Math.min(limit, in.size()))
                    : in.subList(Math.max(0, in.size() - limit), in.size());
            forward = page.isEmpty() ? key('f', 0, 0) : key('f', last(page));
            backward = page.isEmpty() ? key('b', 0, 0) : key('b', page.get(0));
        } else {
            long[] k = parseKey(token);
            boolean fwd = token.startsWith("f/");
            List<Event> candidates = new ArrayList<>();
            for (Event e : in) {
                int c = compare(e, k);
                if (fwd ? c > 0 : c < 0) {
                    candidates.add(e);
                }
            }
            page = fwd ? candidates.subList(0, Math.min(limit, candidates.size()))
                    : candidates.subList(Math.max(0, candidates.size() - limit), candidates.size());
            if (page.isEmpty()) {
                forward = fwd ? token : key('f', k[0], k[1] - 1);
                backward = fwd ? key('b', k[0], k[1] + 1) : token;
            } else {
                forward = key('f', last(page));
                backward = key('b', page.get(0));
            }
        }
        List<OutputLogEvent> out = new ArrayList<>();
        for (Event e : page) {
            out.add(OutputLogEvent.builder().timestamp(e.timestamp).message(e.message).ingestionTime(e.ingestion)
                    .build());
        }
        return GetLogEventsResponse.builder().events(out).nextForwardToken(forward).nextBackwardToken(backward)
                .build();
    }

    /** FilterLogEvents across the group's streams (by names or a prefix), oldest first. */
    public FilterLogEventsResponse filter(FilterLogEventsRequest r) {
        Group g = group(r.logGroupName(), r.logGroupIdentifier());
        if (r.hasLogStreamNames() && r.logStreamNamePrefix() != null) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        if (r.hasLogStreamNames() && (r.logStreamNames().isEmpty() || r.logStreamNames().size() > 100)) {
            throw LogsErrors.invalid("logStreamNames must hold 1 to 100 names, got " + r.logStreamNames().size()
                    + ".");
        }
        if (r.startTime() != null && r.endTime() != null && r.endTime() < r.startTime()) {
            throw LogsErrors.invalid("endTime (" + r.endTime() + ") must not be before startTime (" + r.startTime()
                    + ").");
        }
        int limit = limit(r.limit(), 10_000);
        FilterPattern pattern = FilterPattern.parse(r.filterPattern());
        List<Object[]> hits = new ArrayList<>();
        for (Stream s : g.streams.values()) {
            if (r.hasLogStreamNames() && !r.logStreamNames().contains(s.name)
                    || r.logStreamNamePrefix() != null && !s.name.startsWith(r.logStreamNamePrefix())) {
                continue;
            }
            for (Event e : s.events) {
                if ((r.startTime() == null || e.timestamp >= r.startTime())
                        && (r.endTime() == null || e.timestamp <= r.endTime()) && pattern.matches(e.message)) {
                    hits.add(new Object[] {s.name, e});
                }
            }
        }
        hits.sort(Comparator.comparing((Object[] h) -> (Event) h[1], Event.ORDER));
        int fingerprint = r.toBuilder().nextToken(null).limit(null).build().hashCode();
        int offset = offset("FilterLogEvents", fingerprint, r.nextToken());
        int to = Math.min(hits.size(), offset + limit);
        List<FilteredLogEvent> out = new ArrayList<>();
        for (Object[] h : offset >= hits.size() ? List.<Object[]>of() : hits.subList(offset, to)) {
            Event e = (Event) h[1];
            out.add(FilteredLogEvent.builder().logStreamName((String) h[0]).timestamp(e.timestamp)
                    .message(e.message).ingestionTime(e.ingestion)
                    .eventId(String.format("%028d%028d", e.timestamp, e.seq)).build());
        }
        return FilterLogEventsResponse.builder().events(out)
                .nextToken(to < hits.size() ? token("FilterLogEvents", fingerprint, to) : null).build();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** @return whether the group exists */
    public boolean hasGroup(String name) {
        return groups.containsKey(name);
    }

    /** @return whether the stream exists */
    public boolean hasStream(String group, String stream) {
        Group g = groups.get(group);
        return g != null && g.streams.containsKey(stream);
    }

    private Group group(String name, String identifier) {
        if (name != null && identifier != null) {
            throw LogsErrors.invalid("logGroupName and logGroupIdentifier are mutually exclusive parameters.");
        }
        String n = name != null ? name : identifier;
        if (n == null) {
            throw LogsErrors.invalid("1 validation error detected: Value null at 'logGroupName' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        String prefix = groupArn("");
        if (identifier != null && identifier.startsWith(prefix)) {
            n = identifier.substring(prefix.length());
            if (n.endsWith(":*")) {
                n = n.substring(0, n.length() - 2);
            }
        }
        Group g = groups.get(n);
        if (g == null) {
            throw LogsErrors.groupNotFound(n);
        }
        return g;
    }

    private static void checkGroupName(String name) {
        if (name == null || !GROUP_NAME.matcher(name).matches()) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + name + "' at 'logGroupName' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+"
                    + " (1-512 characters)");
        }
    }

    private static void checkStreamName(String name) {
        if (name == null || name.isEmpty() || name.length() > 512 || name.indexOf(':') >= 0
                || name.indexOf('*') >= 0) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + name + "' at 'logStreamName' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: [^:*]* (1-512"
                    + " characters)");
        }
    }

    private static int limit(Integer limit, int max) {
        if (limit == null) {
            return max;
        }
        if (limit < 1 || limit > max) {
            throw LogsErrors.invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy"
                    + " constraint: Member must have value between 1 and " + max);
        }
        return limit;
    }

    private static Event last(List<Event> l) {
        return l.get(l.size() - 1);
    }

    private static String key(char direction, Event e) {
        return key(direction, e.timestamp, e.seq);
    }

    private static String key(char direction, long ts, long seq) {
        return direction + "/" + String.format("%020d%020d", Math.max(0, ts), Math.max(0, seq));
    }

    private static long[] parseKey(String token) {
        if (token.length() == 42 && (token.startsWith("f/") || token.startsWith("b/"))) {
            try {
                return new long[] {Long.parseLong(token.substring(2, 22)), Long.parseLong(token.substring(22))};
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw LogsErrors.invalid("The specified nextToken is invalid: " + token);
    }

    private static int compare(Event e, long[] k) {
        int c = Long.compare(e.timestamp, k[0]);
        return c != 0 ? c : Long.compare(e.seq, k[1]);
    }

    private static String token(String op, int fingerprint, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((op + "|" + Integer.toHexString(fingerprint)
                + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String op, int fingerprint, String token) {
        if (token == null) {
            return 0;
        }
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
            if (p.length == 3 && p[0].equals(op) && p[1].equals(Integer.toHexString(fingerprint))) {
                return Math.max(0, Integer.parseInt(p[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw LogsErrors.invalid("The specified nextToken is invalid: " + token);
    }
}
