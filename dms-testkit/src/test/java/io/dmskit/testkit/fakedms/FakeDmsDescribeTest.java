package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

class FakeDmsDescribeTest {

    private final FakeDms dms = FakeDms.create();

    @Test
    @DisplayName("Marker pagination: 45 endpoints come back as 20 + 20 + 5, and the SDK paginator reads them all")
    void pagination() {
        for (int i = 0; i < 45; i++) {
            Fixtures.s3Target(dms, "e" + i);
        }
        DescribeEndpointsResponse first = dms.describeEndpoints(b -> b.maxRecords(20));
        assertThat(first.endpoints()).hasSize(20);
        assertThat(first.marker()).isNotBlank();
        DescribeEndpointsResponse second = dms.describeEndpoints(b -> b.maxRecords(20).marker(first.marker()));
        assertThat(second.endpoints()).hasSize(20).doesNotContainAnyElementsOf(first.endpoints());
        DescribeEndpointsResponse third = dms.describeEndpoints(b -> b.maxRecords(20).marker(second.marker()));
        assertThat(third.endpoints()).hasSize(5);
        assertThat(third.marker()).isNull();
        List<String> ids = new ArrayList<>();
        dms.describeEndpointsPaginator(b -> b.maxRecords(20)).forEach(p -> p.endpoints()
                .forEach(e -> ids.add(e.endpointIdentifier())));
        assertThat(ids).hasSize(45).doesNotHaveDuplicates().startsWith("e0", "e1");
        assertThat(dms.describeEndpoints().endpoints()).as("default page is 100").hasSize(45);
    }

    @Test
    @DisplayName("filters: values OR-ed, filters AND-ed, as documented per operation")
    void filters() {
        String a = Fixtures.task(dms, "a", "cdc");
        String b2 = Fixtures.task(dms, "b", "full-load");
        String c = Fixtures.task(dms, "c", "full-load-and-cdc");
        assertThat(dms.describeReplicationTasks(r -> r.filters(filter("migration-type", "cdc", "full-load")))
                .replicationTasks()).extracting(ReplicationTask::replicationTaskArn).containsExactly(a, b2);
        ReplicationTask taskC = dms.describeReplicationTasks(r -> r.filters(filter("replication-task-id", "c")))
                .replicationTasks().get(0);
        assertThat(taskC.replicationTaskArn()).isEqualTo(c);
        assertThat(dms.describeReplicationTasks(r -> r.filters(filter("endpoint-arn", taskC.targetEndpointArn()),
                filter("replication-instance-arn", taskC.replicationInstanceArn()))).replicationTasks())
                .extracting(ReplicationTask::replicationTaskArn).containsExactly(c);
        assertThat(dms.describeEndpoints(r -> r.filters(filter("engine-name", "s3"), filter("endpoint-type",
                "target"))).endpoints()).extracting(Endpoint::endpointIdentifier)
                .containsExactly("a-tgt", "b-tgt", "c-tgt");
        assertThat(dms.describeReplicationInstances(r -> r.filters(filter("replication-instance-class",
                "dms.t3.medium"))).replicationInstances()).hasSize(3);
    }

    @Test
    @DisplayName("WithoutSettings leaves out table mappings and task settings")
    void withoutSettings() {
        Fixtures.task(dms, "a", "cdc");
        ReplicationTask full = dms.describeReplicationTasks().replicationTasks().get(0);
        ReplicationTask lean = dms.describeReplicationTasks(b -> b.withoutSettings(true)).replicationTasks().get(0);
        assertThat(full.tableMappings()).isEqualTo(Fixtures.MAPPINGS);
        assertThat(full.replicationTaskSettings()).contains("TargetMetadata");
        assertThat(lean.tableMappings()).isNull();
        assertThat(lean.replicationTaskSettings()).isNull();
        assertThat(lean.replicationTaskStats()).isNotNull();
    }

    @Test
    @DisplayName("DescribeTableStatistics filters by schema, table, state and pages up to 500")
    void tableStatistics() {
        String arn = Fixtures.task(dms, "t", "cdc");
        for (int i = 0; i < 30; i++) {
            int n = i;
            dms.task(arn).tableStatistics(n % 2 == 0 ? "shop" : "crm", "t" + n, s -> s.inserts((long) n)
                    .tableState(n < 10 ? "Table completed" : "Before load"));
        }
        assertThat(dms.describeTableStatistics(b -> b.replicationTaskArn(arn).filters(filter("schema-name", "shop"),
                filter("table-state", "Table completed"))).tableStatistics()).extracting(s -> s.tableName())
                .containsExactly("t0", "t2", "t4", "t6", "t8");
        var page = dms.describeTableStatistics(b -> b.replicationTaskArn(arn).maxRecords(20));
        assertThat(page.tableStatistics()).hasSize(20);
        assertThat(page.marker()).isNotNull();
        assertThat(dms.describeTableStatistics(b -> b.replicationTaskArn(arn).maxRecords(500)).tableStatistics())
                .hasSize(30);
        assertThat(dms.describeTableStatisticsPaginator(b -> b.replicationTaskArn(arn).maxRecords(20))
                .stream().mapToInt(p -> p.tableStatistics().size()).sum()).isEqualTo(30);
    }

    @Test
    @DisplayName("tags are added, listed per ARN and removed; deleted resources lose them")
    void tags() {
        String arn = dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("g")
                .replicationSubnetGroupDescription("d").subnetIds("subnet-01234567", "subnet-89abcdef")
                .tags(t -> t.key("team").value("data"))).replicationSubnetGroup().replicationSubnetGroupIdentifier();
        assertThat(arn).isEqualTo("g");
        String endpoint = Fixtures.mysqlSource(dms, "src");
        dms.addTagsToResource(b -> b.resourceArn(endpoint).tags(t -> t.key("env").value("dev"),
                t -> t.key("owner").value("me")));
        dms.removeTagsFromResource(b -> b.resourceArn(endpoint).tagKeys("owner"));
        assertThat(dms.listTagsForResource(b -> b.resourceArn(endpoint)).tagList())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("env=dev");
        assertThat(dms.listTagsForResource(b -> b.resourceArn("arn:aws:dms:us-east-1:123456789012:subgrp:g"))
                .tagList()).extracting(t -> t.key()).containsExactly("team");
        dms.deleteEndpoint(b -> b.endpointArn(endpoint));
        dms.describeEndpoints();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dms.listTagsForResource(b -> b.resourceArn(endpoint)))
                .isInstanceOf(software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("catalog calls list engines per endpoint type and orderable instance classes")
    void catalog() {
        assertThat(dms.describeEndpointTypes(b -> b.filters(filter("endpoint-type", "target"),
                filter("engine-name", "s3", "kinesis"))).supportedEndpointTypes())
                .extracting(t -> t.engineName()).containsExactly("s3", "kinesis");
        assertThat(dms.describeOrderableReplicationInstancesPaginator(b -> b.maxRecords(100))
                .stream().flatMap(p -> p.orderableReplicationInstances().stream())
                .map(o -> o.replicationInstanceClass()).distinct())
                .contains("dms.t3.medium", "dms.c5.xlarge");
        assertThat(dms.describeEngineVersions(b -> { }).engineVersions()).extracting(v -> v.version())
                .contains("3.5.4", "3.5.3");
        Fixtures.instance(dms, "ri");
        assertThat(dms.describeAccountAttributes().accountQuotas()).anySatisfy(q -> {
            assertThat(q.accountQuotaName()).isEqualTo("ReplicationInstances");
            assertThat(q.used()).isEqualTo(1L);
        });
    }

    @Test
    @DisplayName("DescribeEvents lists instance and task events by source, category and time window")
    void events() {
        String arn = Fixtures.task(dms, "t", "cdc");
        Fixtures.status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        dms.clock().advance(java.time.Duration.ofMinutes(5));
        dms.task(arn).fail("boom");
        var taskEvents = dms.describeEvents(b -> b.sourceIdentifier("t").sourceType("replication-task")).events();
        assertThat(taskEvents).extracting(e -> e.message()).containsExactly("Replication task has been created.",
                "Replication task has started.", "Replication task has failed. Reason: boom");
        assertThat(dms.describeEvents(b -> b.eventCategories("failure")).events()).hasSize(1);
        assertThat(dms.describeEvents(b -> b.duration(2)).events()).extracting(e -> e.message())
                .containsExactly("Replication task has failed. Reason: boom");
        assertThat(dms.describeEvents(b -> b.filters(filter("replication-instance-id", "t-ri"))).events())
                .extracting(e -> e.message()).contains("Replication instance created");
    }

    @Test
    @DisplayName("event subscriptions: creating then active, modified, found by id, deleted; bad topics refused")
    void eventSubscriptions() {
        String topic = "arn:aws:sns:us-east-1:123456789012:dms-alerts";
        assertThat(dms.createEventSubscription(b -> b.subscriptionName("alerts").snsTopicArn(topic)
                .sourceType("replication-task").eventCategories("failure")).eventSubscription().status())
                .isEqualTo("creating");
        assertThat(dms.describeEventSubscriptions(b -> b.filters(filter("event-subscription-id", "alerts")))
                .eventSubscriptionsList()).singleElement().satisfies(s -> {
                    assertThat(s.status()).isEqualTo("active");
                    assertThat(s.customerAwsId()).isEqualTo("123456789012");
                });
        dms.modifyEventSubscription(b -> b.subscriptionName("alerts").enabled(false));
        assertThat(dms.describeEventSubscriptions(b -> b.subscriptionName("alerts")).eventSubscriptionsList().get(0)
                .enabled()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dms.createEventSubscription(b -> b
                .subscriptionName("bad").snsTopicArn("not-a-topic"))).isInstanceOfSatisfying(
                software.amazon.awssdk.services.databasemigration.model.SnsInvalidTopicException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SNSInvalidTopicFault"));
        dms.deleteEventSubscription(b -> b.subscriptionName("alerts"));
        assertThat(dms.describeEventSubscriptions().eventSubscriptionsList()).isEmpty();
    }
}
