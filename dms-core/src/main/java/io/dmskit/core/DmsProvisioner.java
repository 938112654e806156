package io.dmskit.core;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.internal.AwsCaller;
import io.dmskit.core.internal.Provisioning;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ConnectionTest;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.serverless.ReplicationState;
import io.dmskit.core.task.StartType;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.DmsIdentifiers;
import io.dmskit.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Brings AWS DMS to the state a {@link Pipeline} describes, safely and repeatably, and operates its tasks.
 *
 * <ul>
 *   <li>{@link #plan(Pipeline)} reads the current state (one filtered, paginated Describe per resource type) and
 *   lists the changes, rendered like {@code terraform plan}; table mappings and task settings are compared by
 *   meaning, secrets are redacted.</li>
 *   <li>{@link #apply(Pipeline)} carries the plan out in dependency order, independent resources in parallel, with
 *   tolerant waits; an unchanged pipeline makes no mutating call. Running tasks are stopped, modified and resumed
 *   only when the {@link ApplyPolicy} allows it.</li>
 *   <li>{@link #start}, {@link #stop}, {@link #resume}, {@link #reload}, {@link #testConnections},
 *   {@link #awaitTask}, {@link #destroy}.</li>
 *   <li>DMS Serverless: {@link ReplicationConfig}s are planned, applied and destroyed with the rest;
 *   {@link #startReplication(String, ReplicationStart)}, {@link #stopReplication}, {@link #reloadReplicationTables},
 *   {@link #describeReplication}, {@link #awaitReplication} operate their replications.</li>
 * </ul>
 * Every AWS call is retried on throttling, 5xx and network errors (exponential backoff with jitter); a create with an
 * unknown outcome is settled by describing before trying again, so nothing is created twice.
 *
 * <pre>{@code
 * try (DmsProvisioner dms = DmsProvisioner.builder().dms(DatabaseMigrationClient.create())
 *         .secrets(SecretsManagerClient.create()).progressListener(System.out::println).build()) {
 *     System.out.println(dms.plan(pipeline).render());
 *     dms.apply(pipeline);
 *     dms.start(pipeline);
 * }
 * }</pre>
 */
public final class DmsProvisioner implements AutoCloseable {

    private final Provisioning provisioning;
    private final AwsCaller aws;
    private final ExecutorService pool;
    private final ApplyPolicy policy;
    private final Duration waitTimeout;
    private final Duration replicationWaitTimeout;

    private DmsProvisioner(Builder b) {
        Clock clock = b.clock == null ? Clock.systemUTC() : b.clock;
        Sleeper sleeper = b.sleeper == null ? Sleeper.threadSleep() : b.sleeper;
        Duration poll = b.poll();
        this.aws = new AwsCaller(b.retry == null ? RetrySettings.defaults() : b.retry, sleeper);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "dmskit-provisioner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(b.parallelism, tf);
        this.policy = b.policy == null ? ApplyPolicy.safe() : b.policy;
        this.waitTimeout = b.waitTimeout == null ? Builder.DEFAULT_WAIT : b.waitTimeout;
        Duration maxPoll = b.maxPollInterval != null ? b.maxPollInterval
            : poll.multipliedBy(3).compareTo(Builder.MAX_POLL) > 0 ? Builder.MAX_POLL : poll.multipliedBy(3);
        this.replicationWaitTimeout = b.replicationWaitTimeout == null ? Builder.DEFAULT_REPLICATION_WAIT
            : b.replicationWaitTimeout;
        this.provisioning = new Provisioning(b.dms, b.secrets, b.cloudWatch, aws, pool, clock, sleeper,
            b.listener == null ? ProgressListener.none() : b.listener, poll, maxPoll, waitTimeout,
            replicationWaitTimeout);
    }

    /**
     * {@return a builder; {@code dms(client)} is required}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the current state and lists the changes that would bring DMS to the pipeline.
     *
     * @param pipeline the desired state
     * @return the plan (no-ops included), see {@link Plan#render()}
     * @throws InvalidDefinitionException when pipeline is null
     */
    public Plan plan(Pipeline pipeline) {
        return provisioning.plan(arg(pipeline, "pipeline", "plan"));
    }

    /**
     * Applies the pipeline with the provisioner's policy (default: never restart a running task, never replace,
     * never delete). Tags converge with AddTagsToResource / RemoveTagsFromResource ({@code dmskit:pipeline} is never
     * touched). Tasks, endpoints and instances tagged with the pipeline's name that it no longer defines are deleted
     * only when the policy allows deletions ({@code ApplyPolicy.safe().withAllowDeletes(true)}); otherwise they are
     * reported in {@link ApplyResult#skippedDeletions()}.
     *
     * @param pipeline the desired state
     * @return what was done; {@link ApplyResult#changed()} is false when DMS already matched the pipeline (then
     *     apply neither changes nor waits for anything)
     * @throws ChangeNotAllowedException before any change, when the plan needs a restart or replacement the policy
     *     does not allow; the message says which policy allows it, e.g. {@code ApplyPolicy.restartTasks()}
     * @throws io.dmskit.core.exception.DmsKitException when a step fails or a wait times out part way
     *     ({@link WaitTimeoutException}, {@link ResourceFailedException}, ...): its
     *     {@link ApplyResult#partialResultOf ApplyResult.partialResultOf(e)} says what was done before
     * @throws InvalidDefinitionException when pipeline is null
     */
    public ApplyResult apply(Pipeline pipeline) {
        return apply(pipeline, policy);
    }

    /**
     * Applies the pipeline with the given policy; see {@link #apply(Pipeline)}.
     *
     * @param pipeline the desired state
     * @param applyPolicy what apply may do
     * @return what was done
     * @throws ChangeNotAllowedException before any change, when the plan needs a restart or replacement the policy
     *     does not allow
     * @throws io.dmskit.core.exception.DmsKitException when a step fails or a wait times out part way, carrying
     *     the {@link ApplyResult#partialResultOf partial result}
     * @throws InvalidDefinitionException when pipeline or applyPolicy is null
     */
    public ApplyResult apply(Pipeline pipeline, ApplyPolicy applyPolicy) {
        return provisioning.apply(arg(pipeline, "pipeline", "apply"), arg(applyPolicy, "applyPolicy", "apply"));
    }

    /**
     * Starts every task and every DMS Serverless replication of the pipeline (each with the start type its history
     * calls for) and waits until they run.
     *
     * @param pipeline the pipeline
     * @return the start type used per task and config (those already running are left out)
     * @throws InvalidDefinitionException when pipeline is null
     */
    public Map<String, StartType> start(Pipeline pipeline) {
        arg(pipeline, "pipeline", "start");
        Map<String, StartType> used = new java.util.LinkedHashMap<>(provisioning.start(pipeline.tasks().stream()
            .map(ReplicationTask::identifier).toList(), null));
        used.putAll(provisioning.startReplications(pipeline.replicationConfigs().stream()
            .map(ReplicationConfig::identifier).toList(), ReplicationStart.natural()));
        return used;
    }

    /**
     * Starts the DMS Serverless replication of a config with the type its history calls for
     * ({@code start-replication} the first time, {@code reload-target} for a full load that ran,
     * {@code resume-processing} otherwise) and waits through provisioning until it runs (or, for a full load,
     * finished), at most the replication wait timeout ({@link Builder#replicationWaitTimeout}).
     *
     * @param configId replication config identifier
     * @return the start type used (null when it was already running)
     * @throws InvalidDefinitionException when configId is null or not a DMS identifier
     */
    public StartType startReplication(String configId) {
        return startReplication(configId, ReplicationStart.natural());
    }

    /**
     * Starts a DMS Serverless replication as {@code start} says (type, CDC start time or position, CDC stop position)
     * and waits through provisioning until it runs.
     *
     * <pre>{@code
     * dms.startReplication("orders", ReplicationStart.reloadTarget());
     * dms.startReplication("orders-cdc", ReplicationStart.startReplication().withCdcStartTime(since));
     * }</pre>
     *
     * @param configId replication config identifier
     * @param start how it starts
     * @return the start type used (null when it was already running)
     * @throws InvalidDefinitionException when configId is not a DMS identifier, or start is null
     */
    public StartType startReplication(String configId, ReplicationStart start) {
        configId(configId, "startReplication");
        return provisioning.startReplications(List.of(configId), arg(start, "start", "startReplication")).get(configId);
    }

    /**
     * Stops a DMS Serverless replication and waits until it stopped (DMS then deprovisions its capacity); one that
     * does not run counts as stopped.
     *
     * @param configId replication config identifier
     * @throws InvalidDefinitionException when configId is null or not a DMS identifier
     */
    public void stopReplication(String configId) {
        provisioning.stopReplications(List.of(configId(configId, "stopReplication")));
    }

    /**
     * Reloads tables of a running DMS Serverless replication ({@code ReloadReplicationTables}, data-reload).
     *
     * @param configId replication config identifier
     * @param tables source tables (at least one)
     * @throws InvalidDefinitionException when configId is not a DMS identifier, or tables is null, empty or holds a
     *     null
     */
    public void reloadReplicationTables(String configId, TableRef... tables) {
        configId(configId, "reloadReplicationTables");
        arg(tables, "tables", "reloadReplicationTables");
        Validate.requireElements(Arrays.asList(tables), "tables", "DmsProvisioner.reloadReplicationTables");
        if (tables.length == 0) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsProvisioner.reloadReplicationTables",
                "tables", "name at least one table to reload")));
        }
        provisioning.reloadReplicationTables(configId, List.of(tables), false);
    }

    /**
     * {@return the config's replication as DMS reports it now, empty when the config does not exist}
     *
     * @param configId replication config identifier
     * @throws InvalidDefinitionException when configId is null or not a DMS identifier
     */
    public Optional<ReplicationState> describeReplication(String configId) {
        return provisioning.describeReplication(configId(configId, "describeReplication"));
    }

    /**
     * Waits until a DMS Serverless replication reaches a state; fails at once when it fails, and at the timeout
     * with a {@link WaitTimeoutException} naming the last state seen (with its provision state).
     *
     * <pre>{@code
     * dms.awaitReplication("orders", s -> s.fullLoadProgressPercent() != null && s.fullLoadProgressPercent() == 100,
     *     Duration.ofHours(2));
     * }</pre>
     *
     * @param configId replication config identifier
     * @param wanted the state waited for
     * @param timeout how long to wait (zero: check once; at most 366 days)
     * @return the state reached
     * @throws InvalidDefinitionException when configId is not a DMS identifier, wanted is null, or timeout is null,
     *     negative or longer than 366 days
     */
    public ReplicationState awaitReplication(String configId, java.util.function.Predicate<ReplicationState> wanted,
                                             Duration timeout) {
        configId(configId, "awaitReplication");
        arg(wanted, "wanted", "awaitReplication");
        List<DefinitionProblem> problems = new ArrayList<>();
        if (timeout == null) {
            problems.add(DefinitionProblem.of("timeout", "is null"));
        } else if (timeout.isNegative() || timeout.compareTo(Builder.MAX_WAIT) > 0) {
            problems.add(DefinitionProblem.of("timeout", "must be 0.." + Builder.MAX_WAIT + ", was " + timeout));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.stream().map(p -> p.in("DmsProvisioner.awaitReplication"))
                .toList());
        }
        return provisioning.waitForReplication(configId, wanted, "the wanted state", timeout);
    }

    /**
     * {@return the state once the replication runs (waits at most the replication wait timeout)}
     *
     * @param configId replication config identifier
     * @throws InvalidDefinitionException when configId is null or not a DMS identifier
     */
    public ReplicationState awaitReplicationRunning(String configId) {
        configId(configId, "awaitReplicationRunning");
        return provisioning.waitForReplication(configId, s -> "running".equalsIgnoreCase(s.status()), "running",
            replicationWaitTimeout);
    }

    /**
     * Starts a task with the type its history calls for: {@code start-replication} if it never ran,
     * {@code reload-target} for a finished full-load task, {@code resume-processing} otherwise. Waits until it runs
     * (or, for a full-load task, finished).
     *
     * @param taskId task identifier
     * @return the start type used (null when it was already running)
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier
     */
    public StartType start(String taskId) {
        return provisioning.start(List.of(taskId(taskId, "start")), null).get(taskId);
    }

    /**
     * {@return the start type used}
     *
     * @param task the task
     * @throws InvalidDefinitionException when task is null
     */
    public StartType start(ReplicationTask task) {
        return start(arg(task, "task", "start").identifier());
    }

    /**
     * Starts a task with the given start type and waits until it runs.
     *
     * @param taskId task identifier
     * @param type the start type to use
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier, or type is null
     */
    public void start(String taskId, StartType type) {
        taskId(taskId, "start");
        provisioning.start(List.of(taskId), arg(type, "type", "start"));
    }

    /**
     * Resumes a stopped task and waits until it runs.
     *
     * @param taskId task identifier; resumes with {@code resume-processing} and waits until it runs
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier
     */
    public void resume(String taskId) {
        provisioning.start(List.of(taskId(taskId, "resume")), StartType.RESUME_PROCESSING);
    }

    /**
     * Stops a task and waits until it has stopped.
     *
     * @param taskId task identifier; stops it and waits (a task that is not running counts as stopped)
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier
     */
    public void stop(String taskId) {
        provisioning.stop(List.of(taskId(taskId, "stop")));
    }

    /**
     * Stops a task and waits until it has stopped.
     *
     * @param task the task to stop
     * @throws InvalidDefinitionException when task is null
     */
    public void stop(ReplicationTask task) {
        stop(arg(task, "task", "stop").identifier());
    }

    /**
     * Stops every task of a pipeline, in parallel, then its DMS Serverless replications, and waits until they have
     * stopped.
     *
     * @param pipeline stops all its tasks, in parallel, then all its DMS Serverless replications
     * @throws InvalidDefinitionException when pipeline is null
     */
    public void stop(Pipeline pipeline) {
        provisioning.stop(arg(pipeline, "pipeline", "stop").tasks().stream().map(ReplicationTask::identifier).toList());
        provisioning.stopReplications(pipeline.replicationConfigs().stream().map(ReplicationConfig::identifier)
            .toList());
    }

    /**
     * Reloads tables of a running task ({@code ReloadTables}, data-reload).
     *
     * @param taskId task identifier
     * @param tables source tables (at least one)
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier, or tables is null,
     *     empty or holds a null
     */
    public void reload(String taskId, TableRef... tables) {
        taskId(taskId, "reload");
        arg(tables, "tables", "reload");
        Validate.requireElements(Arrays.asList(tables), "tables", "DmsProvisioner.reload");
        if (tables.length == 0) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsProvisioner.reload", "tables",
                "name at least one table to reload")));
        }
        provisioning.reload(taskId, List.of(tables), false);
    }

    /**
     * Tests every (replication instance, endpoint) pair the pipeline's tasks use, in parallel, and waits for the
     * results.
     *
     * @param pipeline an applied pipeline
     * @return one result per pair; see {@link ConnectionTest#successful()}
     * @throws InvalidDefinitionException when pipeline is null
     */
    public List<ConnectionTest> testConnections(Pipeline pipeline) {
        return provisioning.testConnections(arg(pipeline, "pipeline", "testConnections"));
    }

    /**
     * {@return the task's current state, empty when it does not exist}
     *
     * @param taskId task identifier
     * @throws InvalidDefinitionException when taskId is null or not a DMS task identifier
     */
    public Optional<TaskState> describeTask(String taskId) {
        return provisioning.describeTask(taskId(taskId, "describeTask"));
    }

    /**
     * Waits until a task reaches one of the statuses; fails at once if it fails.
     *
     * @param taskId task identifier
     * @param wanted wanted statuses
     * @param timeout how long to wait (zero: check once; at most 366 days)
     * @return the state reached
     * @throws WaitTimeoutException at the timeout
     * @throws ResourceFailedException when the task fails
     * @throws InvalidDefinitionException when taskId is not a DMS task identifier, wanted is null, empty or holds a
     *     null, or timeout is null, negative or longer than 366 days
     */
    public TaskState awaitTask(String taskId, Set<TaskStatus> wanted, Duration timeout) {
        taskId(taskId, "awaitTask");
        Validate.requireElements(wanted, "wanted", "DmsProvisioner.awaitTask");
        List<DefinitionProblem> problems = new ArrayList<>();
        if (wanted.isEmpty()) {
            problems.add(DefinitionProblem.of("wanted", "name at least one status to wait for"));
        }
        if (timeout == null) {
            problems.add(DefinitionProblem.of("timeout", "is null"));
        } else if (timeout.isNegative() || timeout.compareTo(Builder.MAX_WAIT) > 0) {
            problems.add(DefinitionProblem.of("timeout", "must be 0.." + Builder.MAX_WAIT + ", was " + timeout));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.stream().map(p -> p.in("DmsProvisioner.awaitTask")).toList());
        }
        return provisioning.waitForTask(taskId, Set.copyOf(wanted), timeout);
    }

    /**
     * {@return the state reached (waits at most the provisioner's wait timeout)}
     *
     * @param taskId task identifier
     * @param wanted the wanted status
     * @throws InvalidDefinitionException when taskId is not a DMS task identifier or wanted is null
     */
    public TaskState awaitTask(String taskId, TaskStatus wanted) {
        return awaitTask(taskId, Set.of(arg(wanted, "wanted", "awaitTask")), waitTimeout);
    }

    /**
     * Lists what {@link #destroy(Pipeline)} would delete, in order, without changing anything.
     *
     * @param pipeline the pipeline
     * @return a plan of DELETE entries; managed secrets are shown as kept
     * @throws InvalidDefinitionException when pipeline is null
     */
    public Plan planDestroy(Pipeline pipeline) {
        return planDestroy(pipeline, DestroyOptions.keepManagedSecrets());
    }

    /**
     * Lists exactly what {@link #destroy(Pipeline, DestroyOptions)} with the same options would delete, in order,
     * without changing anything.
     *
     * <pre>{@code
     * DestroyOptions options = DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7);
     * System.out.println(dms.planDestroy(pipeline, options).render());
     * dms.destroy(pipeline, options);
     * }</pre>
     *
     * @param pipeline the pipeline
     * @param options what happens to the secrets dmskit manages
     * @return a plan of DELETE entries (a kept secret is shown unchanged, with a note saying why)
     * @throws InvalidDefinitionException when pipeline or options is null
     */
    public Plan planDestroy(Pipeline pipeline, DestroyOptions options) {
        return provisioning.planDestroy(arg(pipeline, "pipeline", "planDestroy"),
            arg(options, "options", "planDestroy"));
    }

    /**
     * Deletes the pipeline's DMS resources: tasks (stopped first), then endpoints and instances, then subnet
     * groups. Managed secrets are kept ({@link DestroyOptions#keepManagedSecrets()}).
     *
     * @param pipeline the pipeline
     * @return what was deleted, as {@code KIND:identifier}
     * @throws InvalidDefinitionException when pipeline is null
     */
    public List<String> destroy(Pipeline pipeline) {
        return destroy(pipeline, DestroyOptions.keepManagedSecrets());
    }

    /**
     * Deletes the pipeline's DMS resources, as {@link #destroy(Pipeline)}, and the managed secrets when the options
     * say so; {@link #planDestroy(Pipeline, DestroyOptions)} with the same options shows what this deletes.
     *
     * <pre>{@code
     * dms.destroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7));
     * }</pre>
     *
     * @param pipeline the pipeline
     * @param options what happens to the secrets dmskit manages
     * @return what was deleted, as {@code KIND:identifier}
     * @throws InvalidDefinitionException when pipeline or options is null
     */
    public List<String> destroy(Pipeline pipeline, DestroyOptions options) {
        return provisioning.destroy(arg(pipeline, "pipeline", "destroy"), arg(options, "options", "destroy"));
    }

    /**
     * {@return what was deleted}
     *
     * @param pipeline the pipeline
     * @param deleteManagedSecrets also delete the secrets dmskit manages
     * @param recoveryWindowDays Secrets Manager recovery window 7..30, or 0 to delete without recovery
     * @throws InvalidDefinitionException when pipeline is null or recoveryWindowDays is neither 0 nor 7..30
     * @deprecated the positional {@code true, 7} reads as nothing: use
     *     {@code destroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7))} (or
     *     {@code .withoutRecovery()} for 0, {@code DestroyOptions.keepManagedSecrets()} for false)
     */
    @Deprecated(since = "0.1.0")
    public List<String> destroy(Pipeline pipeline, boolean deleteManagedSecrets, int recoveryWindowDays) {
        if (recoveryWindowDays != 0 && (recoveryWindowDays < 7 || recoveryWindowDays > 30)) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsProvisioner.destroy",
                "recoveryWindowDays", "must be 0 or 7..30, was " + recoveryWindowDays)));
        }
        DestroyOptions options = !deleteManagedSecrets ? DestroyOptions.keepManagedSecrets()
            : recoveryWindowDays == 0 ? DestroyOptions.deleteManagedSecrets().withoutRecovery()
            : DestroyOptions.deleteManagedSecrets().recoveryWindowDays(recoveryWindowDays);
        return destroy(pipeline, options);
    }

    private static <T> T arg(T value, String parameter, String method) {
        return Validate.requireArgument(value, parameter, "DmsProvisioner." + method);
    }

    private static String configId(String id, String method) {
        return Validate.requireIdentifier(id, DmsIdentifiers.TASK_MAX_LENGTH, "configId", "DmsProvisioner." + method);
    }

    private static String taskId(String id, String method) {
        return Validate.requireIdentifier(id, DmsIdentifiers.TASK_MAX_LENGTH, "taskId", "DmsProvisioner." + method);
    }

    /**
     * {@return AWS calls made so far (including reads and retries)}
     */
    public long awsCallCount() {
        return aws.calls();
    }

    /**
     * {@return the resilience4j retry used for every AWS call (metrics, event publisher)}
     */
    public io.github.resilience4j.retry.Retry retry() {
        return aws.retry();
    }

    /**
     * {@return retries made so far}
     */
    public long retryCount() {
        return aws.retries();
    }

    /** Stops the provisioner's worker threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "DmsProvisioner{policy=" + policy + ", waitTimeout=" + waitTimeout + ", replicationWaitTimeout="
            + replicationWaitTimeout + "}";
    }

    /**
     * Fluent builder for {@link DmsProvisioner}. Setters store what they are given (null restores the default;
     * {@code dms(null)} unsets the required client) and {@link #build()} reports every problem at once.
     */
    public static final class Builder {
        private static final Duration DEFAULT_POLL = Duration.ofSeconds(10);
        private static final Duration DEFAULT_WAIT = Duration.ofMinutes(60);
        /** DMS Serverless provisions capacity on start, which can outlast an hour. */
        private static final Duration DEFAULT_REPLICATION_WAIT = Duration.ofHours(4);
        /** Longest poll interval accepted: a poll less often than daily is a mistake (and overflows nothing). */
        static final Duration MAX_POLL = Duration.ofDays(1);
        /** Longest wait accepted (a year), so deadlines computed from the clock never overflow. */
        static final Duration MAX_WAIT = Duration.ofDays(366);
        /** Most threads accepted. */
        static final int MAX_PARALLELISM = 1024;

        private DatabaseMigrationClient dms;
        private SecretsManagerClient secrets;
        private CloudWatchClient cloudWatch;
        private Clock clock;
        private Sleeper sleeper;
        private RetrySettings retry;
        private Duration pollInterval;
        private Duration maxPollInterval;
        private Duration waitTimeout;
        private Duration replicationWaitTimeout;
        private int parallelism = 8;
        private ProgressListener listener;
        private ApplyPolicy policy;

        private Builder() {
        }

        /**
         * Sets {@code dms}: the DMS client (real, FakeDms, moto, LocalStack); required.
         *
         * @param client the DMS client (real, FakeDms, moto, LocalStack); required
         * @return this builder
         */
        public Builder dms(DatabaseMigrationClient client) {
            this.dms = client;
            return this;
        }

        /**
         * Sets {@code secrets}: Secrets Manager client, needed for managed secrets (null: none).
         *
         * @param client Secrets Manager client, needed for managed secrets (null: none)
         * @return this builder
         */
        public Builder secrets(SecretsManagerClient client) {
            this.secrets = client;
            return this;
        }

        /**
         * The CloudWatch client that provisions a pipeline's alarms ({@link Pipeline.Builder#alarm}); a pipeline with
         * alarms and no client is refused by plan, apply and destroy before any change.
         *
         * @param client CloudWatch client
         * @return this builder
         */
        public Builder cloudWatch(CloudWatchClient client) {
            this.cloudWatch = client;
            return this;
        }

        /**
         * Sets {@code clock}: time source for waits and progress (a FakeClock in tests); null: the system UTC clock.
         *
         * @param clock time source for waits and progress (a FakeClock in tests); null: the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets {@code sleeper}: how to wait between polls and retries ({@code fakeClock::sleep} in tests); null: sleep the
         * thread.
         *
         * @param sleeper how to wait between polls and retries ({@code fakeClock::sleep} in tests); null: sleep the
         *     thread
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /**
         * Sets {@code retry}: retry settings for AWS calls (null: {@link RetrySettings#defaults()}).
         *
         * @param retry retry settings for AWS calls (null: {@link RetrySettings#defaults()})
         * @return this builder
         */
        public Builder retry(RetrySettings retry) {
            this.retry = retry;
            return this;
        }

        /**
         * Sets {@code pollInterval}: time between polls while waiting: positive, at most a day (null: the default 10 s).
         *
         * @param interval time between polls while waiting: positive, at most a day (null: the default 10 s)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * Sets {@code maxPollInterval}: longest time between polls: while nothing changes the interval grows by 1.5 per
         * round up to this (null: the default 3 x pollInterval; equal to pollInterval for a fixed cadence); positive, at
         * most a day, not shorter than pollInterval.
         *
         * @param interval longest time between polls: while nothing changes the interval grows by 1.5 per round up
         *     to this (null: the default 3 x pollInterval; equal to pollInterval for a fixed cadence); positive, at
         *     most a day, not shorter than pollInterval
         * @return this builder
         */
        public Builder maxPollInterval(Duration interval) {
            this.maxPollInterval = interval;
            return this;
        }

        /**
         * Sets {@code waitTimeout}: longest single wait: positive, at most 366 days (null: the default 60 min).
         *
         * @param timeout longest single wait: positive, at most 366 days (null: the default 60 min)
         * @return this builder
         */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = timeout;
            return this;
        }

        /**
         * Sets {@code replicationWaitTimeout}: longest single wait of a DMS Serverless replication (starting through
         * provisioning, stopping, deleting): positive, at most 366 days (null: the default 4 hours, since provisioning
         * capacity can outlast an hour).
         *
         * @param timeout longest single wait of a DMS Serverless replication (starting through provisioning,
         *     stopping, deleting): positive, at most 366 days (null: the default 4 hours, since provisioning
         *     capacity can outlast an hour)
         * @return this builder
         */
        public Builder replicationWaitTimeout(Duration timeout) {
            this.replicationWaitTimeout = timeout;
            return this;
        }

        /**
         * Sets {@code parallelism}: AWS calls made in parallel, 1..1024 (default 8).
         *
         * @param threads AWS calls made in parallel, 1..1024 (default 8)
         * @return this builder
         */
        public Builder parallelism(int threads) {
            this.parallelism = threads;
            return this;
        }

        /**
         * Sets {@code progressListener}: receives state changes (null: none).
         *
         * @param listener receives state changes (null: none)
         * @return this builder
         */
        public Builder progressListener(ProgressListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Sets {@code policy}: default apply policy (null: the default {@link ApplyPolicy#safe()}).
         *
         * @param policy default apply policy (null: the default {@link ApplyPolicy#safe()})
         * @return this builder
         */
        public Builder policy(ApplyPolicy policy) {
            this.policy = policy;
            return this;
        }

        /**
         * {@return the provisioner}
         *
         * @throws InvalidDefinitionException listing every problem: no DMS client, a poll interval or wait timeout
         *     that is not positive or too long, a maximum poll interval shorter than the poll interval, a
         *     parallelism outside 1..1024
         */
        public DmsProvisioner build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            if (dms == null) {
                problems.add(DefinitionProblem.of("dms", "a DMS client is required: DmsProvisioner.builder().dms(client)"));
            }
            Validate.positiveDuration(problems, "pollInterval", pollInterval, false, MAX_POLL);
            Validate.positiveDuration(problems, "maxPollInterval", maxPollInterval, false, MAX_POLL);
            Validate.positiveDuration(problems, "waitTimeout", waitTimeout, false, MAX_WAIT);
            Validate.positiveDuration(problems, "replicationWaitTimeout", replicationWaitTimeout, false, MAX_WAIT);
            if (maxPollInterval != null && maxPollInterval.compareTo(poll()) < 0 && problems.isEmpty()) {
                problems.add(DefinitionProblem.of("maxPollInterval", "must not be shorter than pollInterval ("
                    + poll() + "), was " + maxPollInterval));
            }
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                problems.add(DefinitionProblem.of("parallelism", "must be 1.." + MAX_PARALLELISM + ", was "
                    + parallelism));
            }
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in("DmsProvisioner")).toList());
            }
            return new DmsProvisioner(this);
        }

        private Duration poll() {
            return pollInterval == null ? DEFAULT_POLL : pollInterval;
        }
    }
}
