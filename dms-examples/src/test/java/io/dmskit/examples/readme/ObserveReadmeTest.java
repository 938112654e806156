package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.alarm.CdcLatencyAlarm;
import io.dmskit.core.alarm.TaskStateAlarm;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.settings.LogComponent;
import io.dmskit.core.settings.LogSeverity;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.observe.Discovery;
import io.dmskit.observe.DmsObserver;
import io.dmskit.observe.LogEntry;
import io.dmskit.observe.LogFilter;
import io.dmskit.observe.MetricValues;
import io.dmskit.observe.TaskLogs;
import io.dmskit.observe.TaskSnapshot;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.CdcLatency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/observe.md's examples, run on DmsSandbox (FakeDms publishing AWS/DMS metrics and task logs). */
class ObserveReadmeTest {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
        + "\"rule-name\":\"all\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
        + "\"rule-action\":\"include\"}]}";

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.create();

    private Pipeline pipeline;
    private DmsProvisioner provisioner;

    @BeforeEach
    void provision() {
        // region readme:observe-alarms
        Pipeline pipeline = Pipeline.builder("orders")
            .instance(ReplicationInstance.builder("orders-dms").instanceClass("dms.t3.medium"))
            .endpoint(Endpoint.mysql("orders-mysql").source().serverName("10.0.0.4").port(3306)
                .password("dms", Secret.of("change-me")))
            .endpoint(Endpoint.s3("orders-lake").s3Settings(s -> s.bucketName("orders-lake")
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3")))
            .task("orders-replication", t -> t.source("orders-mysql").target("orders-lake")
                .replicationInstance("orders-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(TableMappings.fromJson(MAPPINGS))
                .settings(s -> s.logging(l -> l.enableLogging(true)
                    .logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEFAULT))))
            .alarm(CdcLatencyAlarm.builder("orders-cdc-latency").task("orders-replication")
                .target().thresholdSeconds(300).periods(5).datapointsToAlarm(3)
                .alarmActions("arn:aws:sns:us-east-1:123456789012:dms-alerts"))
            .alarm(TaskStateAlarm.builder("orders-not-running").task("orders-replication").periods(3)
                .alarmActions("arn:aws:sns:us-east-1:123456789012:dms-alerts"))
            .build();
        DmsProvisioner provisioner = DmsProvisioner.builder()
            .dms(sandbox.dms()).cloudWatch(sandbox.cloudWatch())   // alarms need a CloudWatch client
            .clock(sandbox.clock()).sleeper(sandbox.clock()::sleep)
            .build();
        provisioner.apply(pipeline);      // creates the task, then puts both alarms on its resource id
        provisioner.apply(pipeline);      // unchanged: no PutMetricAlarm
        // endregion
        this.pipeline = pipeline;
        this.provisioner = provisioner;
        provisioner.start(pipeline);
        sandbox.clock().advance(Duration.ofMinutes(5));
        sandbox.dms().describeReplicationTasks();
    }

    @Test
    void discoverSnapshotSensorLogs() {
        // region readme:observe-discover
        DmsObserver observer = DmsObserver.builder()
            .dms(sandbox.dms()).cloudWatch(sandbox.cloudWatch()).logs(sandbox.cloudWatchLogs())
            .clock(sandbox.clock()).sleeper(sandbox.clock()::sleep)    // virtual time; on AWS leave both out
            .build();
        Discovery found = observer.discover(f -> f.include("orders-.*").exclude(".*-scratch")
            .tag("dmskit:pipeline", "orders"));
        List<TaskSnapshot> snapshots = observer.snapshots(found);      // pages of tasks, one GetMetricData per 500 metrics
        snapshots.forEach(s -> System.out.println(s.summary()));
        // endregion
        assertThat(found.taskIdentifiers()).containsExactly("orders-replication");
        assertThat(found.instances()).extracting(r -> r.identifier()).containsExactly("orders-dms");

        // region readme:observe-snapshot
        TaskSnapshot orders = observer.snapshot("orders-replication");  // with per-table states
        System.out.println(orders.render());                            // or orders.toJson()
        MetricValues health = observer.instanceHealth("orders-dms");   // CPUUtilization, FreeableMemory, ...
        // endregion
        assertThat(orders.statusText()).isEqualTo("running");
        assertThat(orders.fullLoadComplete()).isTrue();
        assertThat(orders.metrics().cdcLatencySource()).contains(Duration.ZERO);
        assertThat(health.freeStorageSpace()).isPresent();
        assertThat(orders.toJson()).doesNotContain("change-me");

        // region readme:observe-sensor
        TaskSnapshot caughtUp = observer.sensor("orders-replication")
            .timeout(Duration.ofMinutes(30))
            .listener((s, waitingFor) -> System.out.println(waitingFor + ": " + s.summary()))
            .untilCdcLatencyBelow(Duration.ofSeconds(30), 3);          // 3 consecutive one-minute periods
        CdcLatency hook = observer::cdcLatency;                         // Verifier.builder().cdcLatency(hook)
        // endregion
        assertThat(caughtUp.status().name()).isEqualTo("RUNNING");
        assertThat(hook.latency(orders.arn())).contains(Duration.ZERO);

        // region readme:observe-logs
        TaskLogs logs = observer.logs("orders-replication");   // dms-tasks-orders-dms / dms-task-<resource id>
        for (LogEntry e : logs.read(LogFilter.all().components("TASK_MANAGER"))) {
            System.out.println(e.timestamp() + " " + e.severity() + " " + e.message());
        }
        // endregion
        assertThat(logs.logGroup()).isEqualTo("dms-tasks-orders-dms");
        assertThat(logs.read(LogFilter.all())).isNotEmpty();
        assertThat(provisioner.planDestroy(pipeline).render()).contains("orders-cdc-latency");
    }
}
