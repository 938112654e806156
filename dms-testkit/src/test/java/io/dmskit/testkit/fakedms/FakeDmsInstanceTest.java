package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

class FakeDmsInstanceTest {

    private final FakeDms dms = FakeDms.builder().timings(Timings.instant().with(t -> t
            .instanceModify(Duration.ofMinutes(2)).instanceReboot(Duration.ofMinutes(1)))).build();

    private ReplicationInstance describe(String arn) {
        return dms.describeReplicationInstances(b -> b.filters(filter("replication-instance-arn", arn)))
                .replicationInstances().get(0);
    }

    @Test
    @DisplayName("an instance without a subnet group gets the 'default' group; with one it shows the group")
    void subnetGroups() {
        String arn = Fixtures.instance(dms, "Plain-RI");
        ReplicationInstance i = describe(arn);
        assertThat(i.replicationInstanceIdentifier()).as("stored in lower case").isEqualTo("plain-ri");
        assertThat(i.replicationSubnetGroup().replicationSubnetGroupIdentifier()).isEqualTo("default");
        assertThat(i.engineVersion()).isNotBlank();
        assertThat(i.allocatedStorage()).isEqualTo(50);
        dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("private")
                .replicationSubnetGroupDescription("private subnets").subnetIds("subnet-0aaa1111", "subnet-0bbb2222"));
        String inGroup = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri2")
                .replicationInstanceClass("dms.r5.large").replicationSubnetGroupIdentifier("private").multiAZ(true))
                .replicationInstance().replicationInstanceArn();
        ReplicationInstance i2 = describe(inGroup);
        assertThat(i2.replicationSubnetGroup().subnets()).hasSize(2);
        assertThat(i2.secondaryAvailabilityZone()).isNotNull();
        assertThatThrownBy(() -> dms.deleteReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("private")))
                .isInstanceOf(InvalidResourceStateException.class);
    }

    @Test
    @DisplayName("ApplyImmediately modifies through 'modifying'; otherwise the change waits in PendingModifiedValues")
    void modify() {
        String arn = Fixtures.instance(dms, "ri");
        describe(arn);
        ReplicationInstance pending = dms.modifyReplicationInstance(b -> b.replicationInstanceArn(arn)
                .replicationInstanceClass("dms.c5.large")).replicationInstance();
        assertThat(pending.replicationInstanceStatus()).isEqualTo("available");
        assertThat(pending.pendingModifiedValues().replicationInstanceClass()).isEqualTo("dms.c5.large");
        assertThat(pending.replicationInstanceClass()).isEqualTo("dms.t3.medium");
        ReplicationInstance modifying = dms.modifyReplicationInstance(b -> b.replicationInstanceArn(arn)
                .allocatedStorage(100).applyImmediately(true)).replicationInstance();
        assertThat(modifying.replicationInstanceStatus()).isEqualTo("modifying");
        assertThatThrownBy(() -> dms.rebootReplicationInstance(b -> b.replicationInstanceArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class);
        dms.clock().advance(Duration.ofMinutes(2));
        ReplicationInstance done = describe(arn);
        assertThat(done.replicationInstanceStatus()).isEqualTo("available");
        assertThat(done.allocatedStorage()).isEqualTo(100);
        assertThat(done.pendingModifiedValues().allocatedStorage()).isNull();
        assertThatThrownBy(() -> dms.modifyReplicationInstance(b -> b.replicationInstanceArn(arn).allocatedStorage(60)))
                .hasMessageContaining("only be increased");
    }

    @Test
    @DisplayName("reboot goes 'rebooting' then 'available'; delete goes 'deleting' then gone")
    void rebootAndDelete() {
        String arn = Fixtures.instance(dms, "ri");
        describe(arn);
        assertThat(dms.rebootReplicationInstance(b -> b.replicationInstanceArn(arn)).replicationInstance()
                .replicationInstanceStatus()).isEqualTo("rebooting");
        dms.clock().advance(Duration.ofMinutes(1));
        assertThat(describe(arn).replicationInstanceStatus()).isEqualTo("available");
        assertThat(dms.deleteReplicationInstance(b -> b.replicationInstanceArn(arn)).replicationInstance()
                .replicationInstanceStatus()).isEqualTo("deleting");
        assertThatThrownBy(() -> describe(arn)).isInstanceOf(ResourceNotFoundException.class);
        dms.waiter().waitUntilReplicationInstanceDeleted(b -> b.filters(filter("replication-instance-arn", arn)));
    }

    @Test
    @DisplayName("ResourceIdentifier becomes the upper-case end of the ARN")
    void resourceIdentifier() {
        String arn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.small").resourceIdentifier("my-app-ri")).replicationInstance()
                .replicationInstanceArn();
        assertThat(arn).isEqualTo("arn:aws:dms:us-east-1:123456789012:rep:MY-APP-RI");
    }

    @Test
    @DisplayName("the Available waiter fails on an instance being deleted, as its acceptors say")
    void availableWaiterFailsOnDeleting() {
        FakeDms slow = FakeDms.builder().timings(Timings.realistic()).build();
        String arn = Fixtures.instance(slow, "ri");
        slow.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(filter("replication-instance-arn", arn)));
        slow.deleteReplicationInstance(b -> b.replicationInstanceArn(arn));
        assertThatThrownBy(() -> slow.waiter().waitUntilReplicationInstanceAvailable(b -> b
                .filters(filter("replication-instance-arn", arn))))
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
    }
}
