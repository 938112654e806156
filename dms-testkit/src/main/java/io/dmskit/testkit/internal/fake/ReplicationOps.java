package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsResponse;
import software.amazon.awssdk.services.databasemigration.model.ProvisionData;
import software.amazon.awssdk.services.databasemigration.model.ReloadReplicationTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.ReloadReplicationTablesResponse;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationStats;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationResponse;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationResponse;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * DMS Serverless replications, one per replication config: {@code created} until the first StartReplication, then
 * the provisioning steps of the user guide's "AWS DMS Serverless components" ({@code initializing →
 * preparing_metadata_resources → testing_connection → fetching_metadata → calculating_capacity →
 * provisioning_capacity → replication_starting}, together {@code Timings.replicationStart}) into {@code running};
 * StopReplication ({@code stopping → stopped}, capacity kept); capacity released
 * {@code Timings.replicationDeprovision} after a stop or failure ({@code ProvisionState deprovisioning →
 * deprovisioned}), while the config, the table statistics and the RecoveryCheckpoint stay for a resume. From
 * {@code running} on, the replication is a {@link TaskRecord} run by the tasks' own {@link TaskRunner} and
 * {@link EngineBridge}, so full load, CDC stop positions, failures and a replication engine behave as for tasks.
 */
final class ReplicationOps {

    /** The start steps before {@code running}, as DescribeReplications shows them. */
    static final List<String> START_STEPS = List.of("initializing", "preparing_metadata_resources",
            "testing_connection", "fetching_metadata", "calculating_capacity", "provisioning_capacity",
            "replication_starting");
    /** Statuses from which StartReplication is accepted. */
    static final Set<String> STARTABLE = Set.of("created", "stopped", "failed");

    private static final Page.Filters<ConfigRecord> FILTERS = ConfigOps.FILTERS;
    private static final Page.Filters<TableStatistics> TABLE_FILTERS = new Page.Filters<TableStatistics>()
            .one("schema-name", TableStatistics::schemaName)
            .one("table-name", TableStatistics::tableName)
            .one("table-state", TableStatistics::tableState);

    private final World w;
    private final ConfigOps configs;
    private final TaskOps tasks;

    ReplicationOps(World world, ConfigOps configs, TaskOps tasks) {
        this.w = world;
        this.configs = configs;
        this.tasks = tasks;
    }

    /** The replication as DescribeReplications shows it now. */
    Replication describe(ConfigRecord c) {
        TaskRecord t = c.run;
        Replication.Builder b = Replication.builder().replicationConfigIdentifier(c.id())
                .replicationConfigArn(c.arn).sourceEndpointArn(c.model.sourceEndpointArn())
                .targetEndpointArn(c.model.targetEndpointArn()).replicationType(c.model.replicationTypeAsString())
                .status(c.status()).provisionData(c.provision).replicationCreateTime(c.createTime)
                .replicationUpdateTime(c.updateTime);
        if (t.everStarted) {
            String failure = t.model.lastFailureMessage();
            b.startReplicationType(t.lastStartType).stopReason(t.model.stopReason())
                    .failureMessages(failure == null ? List.of() : List.of(failure))
                    .replicationStats(stats(tasks.statistics().of(t)))
                    .cdcStartTime(c.cdcStartTime).cdcStartPosition(c.cdcStartPosition)
                    .cdcStopPosition(c.cdcStopPosition).recoveryCheckpoint(t.model.recoveryCheckpoint())
                    .replicationLastStopTime(c.lastStopTime).replicationDeprovisionTime(c.deprovisionTime);
        }
        return b.build();
    }

    private static ReplicationStats stats(ReplicationTaskStats s) {
        return ReplicationStats.builder().fullLoadProgressPercent(s.fullLoadProgressPercent())
                .elapsedTimeMillis(s.elapsedTimeMillis()).tablesLoaded(s.tablesLoaded())
                .tablesLoading(s.tablesLoading()).tablesQueued(s.tablesQueued()).tablesErrored(s.tablesErrored())
                .freshStartDate(s.freshStartDate()).startDate(s.startDate()).stopDate(s.stopDate())
                .fullLoadStartDate(s.fullLoadStartDate()).fullLoadFinishDate(s.fullLoadFinishDate()).build();
    }

    /** StartReplication: start-type and CDC rules, then the provisioning steps. */
    StartReplicationResponse start(StartReplicationRequest r) {
        ConfigRecord c = configs.find(r.replicationConfigArn());
        String startType = Validate.oneOf("StartReplicationType", r.startReplicationType(), TaskRules.START_TYPES);
        String status = c.status();
        if (!STARTABLE.contains(status)) {
            throw Errors.invalidState("Replication " + c.arn + " cannot be started: its status is " + status
                    + " (it must be created, stopped or failed).");
        }
        checkStartType(c, startType);
        checkCdc(c, r);
        TaskRules.checkCdcStop(r.cdcStopPosition());
        TaskRecord t = c.run;
        c.syncRun();
        t.model = t.model.toBuilder().cdcStopPosition(null).build();
        tasks.runOps().prepareStart(t, startType, r.cdcStartTime(), r.cdcStartPosition(), r.cdcStopPosition());
        c.cdcStartTime = r.cdcStartTime();
        c.cdcStartPosition = r.cdcStartPosition();
        c.cdcStopPosition = r.cdcStopPosition();
        c.lastStopTime = null;
        c.deprovisionTime = null;
        if (!provisioned(c)) {
            c.provision = ProvisionData.builder().provisionState("provisioning").build();
        }
        c.phase = START_STEPS.get(0);
        t.listener = this::changed;
        t.status("starting");
        scheduleStep(c, 0);
        World.log().debug("Starting serverless replication {} ({})", c.id(), startType);
        return StartReplicationResponse.builder().replication(describe(c)).build();
    }

    private void checkStartType(ConfigRecord c, String startType) {
        String type = c.model.replicationTypeAsString();
        boolean first = !c.run.everStarted;
        if (startType.equals("start-replication") && !first) {
            throw Errors.invalidState("Start type start-replication is valid only for the first run of a "
                    + "replication. Replication " + c.arn + " has run before: use resume-processing or "
                    + "reload-target.");
        }
        if (startType.equals("resume-processing") && "full-load".equals(type)) {
            throw Errors.invalidCombination("Start type resume-processing is not valid for a full-load "
                    + "replication; use reload-target to load all the tables again.");
        }
        if (first && !startType.equals("start-replication")) {
            throw Errors.invalidState("Replication " + c.arn + " has never run: the first run of a replication "
                    + "must use start type start-replication.");
        }
        if (startType.equals("reload-target") && "cdc".equals(type)) {
            throw Errors.invalidCombination("Start type reload-target is not valid for a cdc replication.");
        }
    }

    private static void checkCdc(ConfigRecord c, StartReplicationRequest r) {
        if (r.cdcStartTime() != null && r.cdcStartPosition() != null) {
            throw Errors.invalidCombination("Specify either CdcStartTime or CdcStartPosition, not both.");
        }
        if ((r.cdcStartTime() != null || r.cdcStartPosition() != null)
                && "full-load".equals(c.model.replicationTypeAsString())) {
            throw Errors.invalidCombination("CdcStartTime and CdcStartPosition apply only to cdc and "
                    + "full-load-and-cdc replications; replication " + c.arn + " is full-load.");
        }
    }

    private static boolean provisioned(ConfigRecord c) {
        return c.provision != null && "provisioned".equals(c.provision.provisionState());
    }

    /** Schedules the end of start step {@code i}: the next step, or {@code running} after the last. */
    private void scheduleStep(ConfigRecord c, int i) {
        int steps = START_STEPS.size();
        Duration total = w.timings.replicationStart();
        Duration step = total.dividedBy(steps);
        Duration delay = i < steps - 1 ? step : total.minus(step.multipliedBy(steps - 1L));
        TaskRecord t = c.run;
        w.schedule(delay, t, () -> {
            c.updateTime = w.now();
            if (i + 1 < steps) {
                c.phase = START_STEPS.get(i + 1);
                if (c.phase.equals("replication_starting") && !provisioned(c)) {
                    int units = c.model.computeConfig().maxCapacityUnits();
                    c.provision = ProvisionData.builder().provisionState("provisioned")
                            .provisionedCapacityUnits(units).dateProvisioned(w.now())
                            .isNewProvisioningAvailable(false).build();
                }
                scheduleStep(c, i + 1);
            } else {
                c.phase = null;
                tasks.runner().enterRunning(t);
            }
        });
    }

    /** Hears every status change of a replication's run: update time, stop time, capacity release. */
    private void changed(TaskRecord t) {
        ConfigRecord c = t.config;
        Instant now = w.now();
        c.updateTime = now;
        String status = t.status();
        if (!"stopped".equals(status) && !"failed".equals(status)) {
            return;
        }
        c.lastStopTime = now;
        if (c.provision != null && "provisioning".equals(c.provision.provisionState())) {
            c.provision = c.provision.toBuilder().provisionState("failed".equals(status) ? "failed_provision"
                    : "deprovisioned").build();
            return;
        }
        if (!provisioned(c)) {
            return;
        }
        c.deprovisionTime = now.plus(w.timings.replicationDeprovision());
        w.schedule(c.deprovisionTime, t, () -> {
            c.provision = c.provision.toBuilder().provisionState("deprovisioning").build();
            c.updateTime = w.now();
            w.schedule(w.timings.replicationStop(), t, () -> {
                c.provision = c.provision.toBuilder().provisionState("deprovisioned").provisionedCapacityUnits(null)
                        .build();
                c.updateTime = w.now();
                World.log().debug("Capacity of serverless replication {} deprovisioned", c.id());
            });
        });
    }

    /** StopReplication: from a start step or {@code running}; {@code stopping → stopped}, capacity kept. */
    StopReplicationResponse stop(StopReplicationRequest r) {
        ConfigRecord c = configs.find(r.replicationConfigArn());
        String status = c.status();
        if (!"running".equals(status) && !START_STEPS.contains(status)) {
            throw Errors.invalidState("Replication " + c.arn + " is currently not running (status: " + status
                    + ").");
        }
        beginStop(c, StopReason.NORMAL);
        World.log().debug("Stopping serverless replication {}", c.id());
        return StopReplicationResponse.builder().replication(describe(c)).build();
    }

    /** Stops a starting or running replication with the given reason. */
    void beginStop(ConfigRecord c, StopReason reason) {
        c.phase = null;
        tasks.runner().beginStop(c.run, reason, w.timings.replicationStop());
    }

    /** The replication fails: {@code failed}, FailureMessages, {@code Stop Reason FATAL_ERROR}. */
    void fail(ConfigRecord c, String message) {
        c.phase = null;
        tasks.runner().fail(c.run, message);
    }

    /** DescribeReplications (filters replication-config-arn, replication-config-id; MaxRecords 20–100). */
    DescribeReplicationsResponse describeReplications(DescribeReplicationsRequest r) {
        FILTERS.check(r.filters());
        List<ConfigRecord> matched = new ArrayList<>();
        for (ConfigRecord c : w.configs.values()) {
            if (FILTERS.matches(r.filters(), c)) {
                matched.add(c);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replications found matching provided filters.");
        }
        Page<ConfigRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationsResponse.builder().replications(page.items.stream().map(this::describe).toList())
                .marker(page.nextMarker).build();
    }

    /**
     * DescribeReplicationTableStatistics (filters schema-name, table-name, table-state, as for
     * DescribeTableStatistics; MaxRecords 20–500). A replication that never ran has no tables.
     */
    DescribeReplicationTableStatisticsResponse tableStatistics(DescribeReplicationTableStatisticsRequest r) {
        ConfigRecord c = configs.find(r.replicationConfigArn());
        TABLE_FILTERS.check(r.filters());
        List<TableStatistics> matched = c.run.tables.values().stream()
                .filter(s -> TABLE_FILTERS.matches(r.filters(), s)).toList();
        Page<TableStatistics> page = Page.of(matched, r.maxRecords(), r.marker(), 500);
        return DescribeReplicationTableStatisticsResponse.builder().replicationConfigArn(c.arn)
                .replicationTableStatistics(page.items).marker(page.nextMarker).build();
    }

    /** ReloadReplicationTables: only while {@code running}; as ReloadTables for tasks. */
    ReloadReplicationTablesResponse reload(ReloadReplicationTablesRequest r) {
        ConfigRecord c = configs.find(r.replicationConfigArn());
        Validate.requiredList("TablesToReload", r.tablesToReload());
        String option = r.reloadOptionAsString() == null ? "data-reload" : r.reloadOptionAsString();
        Validate.oneOf("ReloadOption", option, Set.of("data-reload", "validate-only"));
        TaskRules.checkTablesToReload(r.tablesToReload());
        if ("cdc".equals(c.model.replicationTypeAsString())) {
            throw Errors.invalidCombination("Replication " + c.arn + " is a cdc replication; tables can be "
                    + "reloaded only for full-load and full-load-and-cdc replications.");
        }
        String status = c.status();
        if (!"running".equals(status)) {
            throw Errors.invalidState("Replication " + c.arn + " is currently not running (status: " + status
                    + "); tables can be reloaded only while it runs.");
        }
        tasks.runOps().reloadTables(c.run, r.tablesToReload(), option);
        World.log().debug("Reloading {} table(s) of serverless replication {} ({})", r.tablesToReload().size(),
                c.id(), option);
        return ReloadReplicationTablesResponse.builder().replicationConfigArn(c.arn).build();
    }
}
