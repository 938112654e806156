package io.dmskit.observe;

import static io.dmskit.observe.Resources.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.testkit.FakeDms;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private FakeDms dms;
    private Resources r;
    private DmsObserver observer;

    @BeforeEach
    void setUp() {
        dms = FakeDms.create();
        r = new Resources(dms, "obs-ri");
        r.task("orders-replication", tag("team", "data"), tag("env", "prod"));
        r.task("orders-scratch", tag("team", "data"), tag("env", "dev"));
        r.task("billing-replication", tag("team", "finance"), tag("env", "prod"));
        observer = DmsObserver.builder().dms(dms).clock(dms.clock()).build();
    }

    @Test
    void includeAndExcludePatternsMatchWholeIdentifiers() {
        Discovery found = observer.discover(f -> f.include("orders-.*").exclude(".*-scratch")
            .types(ResourceType.TASK));
        assertThat(found.taskIdentifiers()).containsExactly("orders-replication");
        assertThat(found.endpoints()).isEmpty();
        // "orders" alone matches nothing: patterns match the whole identifier
        assertThat(observer.discover(f -> f.include("orders").types(ResourceType.TASK)).tasks()).isEmpty();
    }

    @Test
    void tagFiltersNeedEveryTagAndValue() {
        Discovery prodData = observer.discover(f -> f.tag("team", "data").tag("env", "prod"));
        assertThat(prodData.taskIdentifiers()).containsExactly("orders-replication");
        assertThat(prodData.task("orders-replication").orElseThrow().tags())
            .containsEntry("team", "data").containsEntry("env", "prod");
        Discovery anyEnv = observer.discover(f -> f.tagKey("env").types(ResourceType.TASK));
        assertThat(anyEnv.taskIdentifiers()).containsExactlyInAnyOrder("orders-replication", "orders-scratch",
            "billing-replication");
        assertThat(observer.discover(f -> f.tag("team", "data")).endpoints())
            .extracting(DiscoveredResource::identifier).containsExactly("obs-ri-lake");
    }

    @Test
    void findsEveryKindWithStatusesAndResourceIds() {
        Discovery all = observer.discover(DiscoveryFilter.all());
        assertThat(all.instances()).extracting(DiscoveredResource::identifier).containsExactly("obs-ri");
        assertThat(all.instances().get(0).status()).isEqualTo("available");
        assertThat(all.instances().get(0).tags()).containsEntry("team", "platform");
        assertThat(all.endpoints()).extracting(DiscoveredResource::identifier)
            .containsExactlyInAnyOrder("obs-ri-src", "obs-ri-lake");
        DiscoveredResource task = all.task("billing-replication").orElseThrow();
        assertThat(task.status()).isEqualTo("ready");
        assertThat(task.arn()).endsWith(":task:" + task.resourceId());
        assertThat(task.resourceId()).isNotEqualTo("billing-replication");
    }

    @Test
    void tagsAreReadInBatchesAndDescribeCallsGrowWithPages() {
        IntStream.range(0, 230).forEach(i -> r.task(String.format("bulk-%03d", i), tag("team", "bulk")));
        Discovery found = observer.discover(f -> f.include("bulk-.*").tag("team", "bulk").types(ResourceType.TASK));
        assertThat(found.tasks()).hasSize(230);
        // 233 tasks: three pages of 100; 230 matching names: three ListTagsForResource batches of up to 100
        assertThat(observer.awsCalls()).containsEntry("DescribeReplicationTasks", 3L)
            .containsEntry("ListTagsForResource", 3L);
    }

    @Test
    void withoutTagFiltersNoTagsAreRead() {
        observer.discover(f -> f.include("orders-.*"));
        assertThat(observer.awsCalls()).doesNotContainKey("ListTagsForResource");
    }

    @Test
    void badPatternsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> DiscoveryFilter.builder().include("orders-(").exclude("[x").tagBatchSize(0).build())
            .isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("orders-(").hasMessageContaining("[x").hasMessageContaining("tagBatchSize");
    }
}
