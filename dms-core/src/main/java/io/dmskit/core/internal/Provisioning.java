package io.dmskit.core.internal;

import io.dmskit.core.Pipeline;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ConnectionTest;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.serverless.ReplicationState;
import io.dmskit.core.task.StartType;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The provisioner's machinery behind {@link io.dmskit.core.DmsProvisioner}, one part per job: {@link Planner},
 * {@link Applier} (with {@link ApplyGraph} and {@link ChangeSteps}), {@link TaskOperations}, {@link Destroyer} and
 * {@link ConnectionTester}.
 */
public final class Provisioning {

    private final Planner planner;
    private final Applier applier;
    private final TaskOperations tasks;
    private final ReplicationOperations replications;
    private final Destroyer destroyer;
    private final ConnectionTester connections;
    private final AlarmSync alarms;

    /**
     * @param dms DMS client
     * @param secrets Secrets Manager client or null
     * @param cloudWatch CloudWatch client (for a pipeline's alarms) or null
     * @param aws retrying caller
     * @param pool bounded pool for parallel work
     * @param clock clock
     * @param sleeper sleeper
     * @param listener progress listener
     * @param pollInterval poll interval
     * @param maxPollInterval longest poll interval during long waits
     * @param timeout wait timeout
     * @param serverlessTimeout wait timeout of DMS Serverless replications
     */
    public Provisioning(DatabaseMigrationClient dms, SecretsManagerClient secrets, CloudWatchClient cloudWatch,
                        AwsCaller aws, ExecutorService pool, Clock clock, Sleeper sleeper, ProgressListener listener,
                        Duration pollInterval,
                        Duration maxPollInterval, Duration timeout, Duration serverlessTimeout) {
        Context ctx = new Context(dms, secrets, aws, new StateReader(dms, secrets, aws), pool, clock, sleeper,
            listener, pollInterval, maxPollInterval, timeout, serverlessTimeout);
        Steps steps = new Steps(ctx);
        this.planner = new Planner(ctx);
        this.applier = new Applier(ctx, planner, new ApplyGraph(new ChangeSteps(ctx, steps), steps));
        this.tasks = new TaskOperations(ctx, steps);
        this.replications = new ReplicationOperations(ctx, steps);
        this.destroyer = new Destroyer(ctx, steps);
        this.connections = new ConnectionTester(ctx);
        this.alarms = new AlarmSync(cloudWatch, dms, aws);
    }

    /**
     * @param p the pipeline
     * @return the plan
     */
    public Plan plan(Pipeline p) {
        alarms.requireClient(p, "plan");
        Plan plan = planner.plan(p).plan();
        return withAlarms(plan, alarms.plan(p));
    }

    private static Plan withAlarms(Plan plan, List<ResourceChange> alarmChanges) {
        if (alarmChanges.isEmpty()) {
            return plan;
        }
        List<ResourceChange> all = new ArrayList<>(plan.changes());
        all.addAll(alarmChanges);
        return new Plan(plan.pipeline(), all);
    }

    /**
     * @param p pipeline
     * @param policy what apply may do
     * @return the result
     */
    public ApplyResult apply(Pipeline p, ApplyPolicy policy) {
        alarms.requireClient(p, "apply");
        List<ResourceChange> alarmPlan = alarms.plan(p);
        ApplyResult r = applier.apply(p, policy);
        // alarms last: their task dimension is the task's resource id, known once the task exists
        List<String> put = alarms.apply(p, policy.allowDeletes());
        if (alarmPlan.isEmpty() && put.isEmpty()) {
            return r;
        }
        List<String> finished = new ArrayList<>(r.finished());
        finished.addAll(put);
        return new ApplyResult(withAlarms(r.plan(), alarmPlan), r.arns(), r.elapsed(), r.awsCalls(),
            r.mutatingCalls() + put.size(), r.skippedDeletions(), finished, r.complete());
    }

    /**
     * @param taskId task identifier
     * @return the task's state, empty when it does not exist
     */
    public Optional<TaskState> describeTask(String taskId) {
        return tasks.describe(taskId);
    }

    /**
     * @param taskIds tasks
     * @param type start type, or null to choose from each task's history
     * @return the start type used per task
     */
    public Map<String, StartType> start(List<String> taskIds, StartType type) {
        return tasks.start(taskIds, type);
    }

    /** @param taskIds tasks to stop; a task that is not running is already stopped */
    public void stop(List<String> taskIds) {
        tasks.stop(taskIds);
    }

    /**
     * @param taskId task
     * @param tables tables to reload
     * @param validateOnly reload validation only
     */
    public void reload(String taskId, List<TableRef> tables, boolean validateOnly) {
        tasks.reload(taskId, tables, validateOnly);
    }

    /**
     * @param taskId task
     * @param wanted wanted statuses
     * @param waitTimeout timeout
     * @return the state reached
     */
    public TaskState waitForTask(String taskId, Set<TaskStatus> wanted, Duration waitTimeout) {
        return tasks.await(taskId, wanted, waitTimeout);
    }

    /**
     * @param configId replication config identifier
     * @return its state, empty when it does not exist
     */
    public Optional<ReplicationState> describeReplication(String configId) {
        return replications.describe(configId);
    }

    /**
     * @param configIds replication configs
     * @param start how they start
     * @return the start type used per config
     */
    public Map<String, StartType> startReplications(List<String> configIds, ReplicationStart start) {
        return replications.start(configIds, start);
    }

    /** @param configIds replication configs to stop; one that does not run is already stopped */
    public void stopReplications(List<String> configIds) {
        replications.stop(configIds);
    }

    /**
     * @param configId replication config
     * @param tables tables to reload
     * @param validateOnly reload validation only
     */
    public void reloadReplicationTables(String configId, List<TableRef> tables, boolean validateOnly) {
        replications.reload(configId, tables, validateOnly);
    }

    /**
     * @param configId replication config
     * @param wanted the state waited for
     * @param description what is waited for
     * @param waitTimeout timeout
     * @return the state reached
     */
    public ReplicationState waitForReplication(String configId, Predicate<ReplicationState> wanted, String description,
                                               Duration waitTimeout) {
        return replications.await(configId, wanted, description, waitTimeout);
    }

    /**
     * @param p pipeline
     * @param options what happens to managed secrets
     * @return what {@link #destroy} with the same options would delete, in order
     */
    public Plan planDestroy(Pipeline p, DestroyOptions options) {
        alarms.requireClient(p, "planDestroy");
        List<ResourceChange> alarmChanges = alarms.planDestroy(p);
        Plan plan = destroyer.plan(p, options);
        if (alarmChanges.isEmpty()) {
            return plan;
        }
        List<ResourceChange> all = new ArrayList<>(alarmChanges);
        all.addAll(plan.changes());
        return new Plan(plan.pipeline(), all);
    }

    /**
     * @param p pipeline
     * @param options what happens to managed secrets
     * @return what was deleted (kind:identifier)
     */
    public List<String> destroy(Pipeline p, DestroyOptions options) {
        // alarms first: they watch the tasks
        List<String> deleted = new ArrayList<>(alarms.destroy(p));
        deleted.addAll(destroyer.destroy(p, options));
        return deleted;
    }

    /**
     * @param p pipeline
     * @return one result per (instance, endpoint) pair its tasks use
     */
    public List<ConnectionTest> testConnections(Pipeline p) {
        return connections.test(p);
    }
}
