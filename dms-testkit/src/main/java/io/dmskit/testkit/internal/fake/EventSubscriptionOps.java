package io.dmskit.testkit.internal.fake;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.CreateEventSubscriptionRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateEventSubscriptionResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteEventSubscriptionRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteEventSubscriptionResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeEventSubscriptionsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeEventSubscriptionsResponse;
import software.amazon.awssdk.services.databasemigration.model.EventSubscription;
import software.amazon.awssdk.services.databasemigration.model.ModifyEventSubscriptionRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyEventSubscriptionResponse;

/** Event subscriptions: Create ({@code creating → active}), Modify, Delete, Describe. */
final class EventSubscriptionOps {

    private static final Set<String> SOURCE_TYPES = Set.of("replication-instance", "replication-task");

    private final World w;
    private final TagOps tags;
    private final Map<String, EventSubscription> subscriptions = new LinkedHashMap<>();
    private final Page.Filters<EventSubscription> filters;

    /** @param world state @param tags tags */
    public EventSubscriptionOps(World world, TagOps tags) {
        this.w = world;
        this.tags = tags;
        this.filters = new Page.Filters<EventSubscription>()
                .one("event-subscription-arn", s -> world.arn("es", s.custSubscriptionId()))
                .one("event-subscription-id", EventSubscription::custSubscriptionId);
    }

    private static void checkTopic(String arn) {
        if (arn == null || !arn.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}")) {
            throw Errors.invalidTopic("The SNS topic " + arn + " is not valid.");
        }
    }

    private static void checkSourceType(String type) {
        if (type != null && !SOURCE_TYPES.contains(type)) {
            throw Errors.invalidParameter("Invalid SourceType '" + type + "'. Valid values: replication-instance, "
                    + "replication-task.");
        }
    }

    private EventSubscription find(String name) {
        Validate.required("SubscriptionName", name);
        EventSubscription s = subscriptions.get(name);
        if (s == null) {
            throw Errors.notFound("Event subscription " + name + " not found");
        }
        return s;
    }

    /** CreateEventSubscription. */
    public CreateEventSubscriptionResponse create(CreateEventSubscriptionRequest r) {
        String name = Validate.identifier("SubscriptionName", r.subscriptionName(), 255);
        checkTopic(r.snsTopicArn());
        checkSourceType(r.sourceType());
        if (r.hasSourceIds() && !r.sourceIds().isEmpty() && r.sourceType() == null) {
            throw Errors.invalidCombination("SourceIds require a SourceType.");
        }
        if (subscriptions.containsKey(name)) {
            throw Errors.alreadyExists("Event subscription " + name + " already exists.");
        }
        EventSubscription s = EventSubscription.builder().customerAwsId(w.accountId).custSubscriptionId(name)
                .snsTopicArn(r.snsTopicArn()).status("creating")
                .subscriptionCreationTime(DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC)
                        .format(w.now()))
                .sourceType(r.sourceType()).sourceIdsList(r.hasSourceIds() ? r.sourceIds() : List.of())
                .eventCategoriesList(r.hasEventCategories() ? r.eventCategories() : List.of())
                .enabled(r.enabled() == null || r.enabled()).build();
        subscriptions.put(name, s);
        tags.putInitial(w.arn("es", name), r.tags());
        w.schedule(w.now(), null, () -> {
            EventSubscription current = subscriptions.get(name);
            if (current != null && "creating".equals(current.status())) {
                subscriptions.put(name, current.toBuilder().status("active").build());
            }
        });
        return CreateEventSubscriptionResponse.builder().eventSubscription(s).build();
    }

    /** ModifyEventSubscription. */
    public ModifyEventSubscriptionResponse modify(ModifyEventSubscriptionRequest r) {
        EventSubscription s = find(r.subscriptionName());
        EventSubscription.Builder b = s.toBuilder();
        if (r.snsTopicArn() != null) {
            checkTopic(r.snsTopicArn());
            b.snsTopicArn(r.snsTopicArn());
        }
        if (r.sourceType() != null) {
            checkSourceType(r.sourceType());
            b.sourceType(r.sourceType());
        }
        if (r.hasEventCategories()) {
            b.eventCategoriesList(r.eventCategories());
        }
        if (r.enabled() != null) {
            b.enabled(r.enabled());
        }
        EventSubscription modified = b.build();
        subscriptions.put(s.custSubscriptionId(), modified);
        return ModifyEventSubscriptionResponse.builder().eventSubscription(modified).build();
    }

    /** DeleteEventSubscription. */
    public DeleteEventSubscriptionResponse delete(DeleteEventSubscriptionRequest r) {
        EventSubscription s = find(r.subscriptionName());
        subscriptions.remove(s.custSubscriptionId());
        tags.forget(w.arn("es", s.custSubscriptionId()));
        return DeleteEventSubscriptionResponse.builder().eventSubscription(s.toBuilder().status("deleting").build())
                .build();
    }

    /** DescribeEventSubscriptions (SubscriptionName, filters event-subscription-arn/-id). */
    public DescribeEventSubscriptionsResponse describe(DescribeEventSubscriptionsRequest r) {
        filters.check(r.filters());
        List<EventSubscription> matched = new ArrayList<>();
        if (r.subscriptionName() != null) {
            matched.add(find(r.subscriptionName()));
        } else {
            for (EventSubscription s : subscriptions.values()) {
                if (filters.matches(r.filters(), s)) {
                    matched.add(s);
                }
            }
        }
        Page<EventSubscription> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeEventSubscriptionsResponse.builder().eventSubscriptionsList(page.items)
                .marker(page.nextMarker).build();
    }
}
