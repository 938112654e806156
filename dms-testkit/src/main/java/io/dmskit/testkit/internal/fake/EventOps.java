package io.dmskit.testkit.internal.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.databasemigration.model.DescribeEventsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeEventsResponse;
import software.amazon.awssdk.services.databasemigration.model.Event;

/**
 * DescribeEvents over the events FakeDms records on state changes of replication instances and tasks (source types
 * {@code replication-instance} and {@code replication-task}, DMS's event categories).
 */
final class EventOps {

    private static final Page.Filters<Event> FILTERS = new Page.Filters<Event>()
            .one("replication-instance-id", e -> "replication-instance".equals(e.sourceTypeAsString())
                    ? e.sourceIdentifier() : null);

    private final World w;

    /** @param world state */
    public EventOps(World world) {
        this.w = world;
    }

    /** DescribeEvents: SourceIdentifier, SourceType, StartTime/EndTime or Duration (minutes), EventCategories. */
    public DescribeEventsResponse describe(DescribeEventsRequest r) {
        FILTERS.check(r.filters());
        Instant end = r.endTime() != null ? r.endTime() : w.now();
        Instant start = r.startTime();
        if (r.duration() != null) {
            Validate.range("Duration", r.duration(), 1, 20160);
            if (start == null) {
                start = end.minus(Duration.ofMinutes(r.duration()));
            }
        }
        if (start != null && start.isAfter(end)) {
            throw Errors.invalidParameter("StartTime must be before EndTime.");
        }
        List<Event> matched = new ArrayList<>();
        for (Event e : w.eventLog) {
            if (start != null && e.date().isBefore(start) || e.date().isAfter(end)) {
                continue;
            }
            if (r.sourceIdentifier() != null && !r.sourceIdentifier().equals(e.sourceIdentifier())) {
                continue;
            }
            if (r.sourceTypeAsString() != null && !r.sourceTypeAsString().equals(e.sourceTypeAsString())) {
                continue;
            }
            if (r.hasEventCategories() && !r.eventCategories().isEmpty()
                    && e.eventCategories().stream().noneMatch(r.eventCategories()::contains)) {
                continue;
            }
            if (FILTERS.matches(r.filters(), e)) {
                matched.add(e);
            }
        }
        Page<Event> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeEventsResponse.builder().events(page.items).marker(page.nextMarker).build();
    }
}
