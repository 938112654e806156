package io.dmskit.core;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.internal.AwsCaller;
import io.dmskit.core.internal.Provisioning;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ConnectionTest;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.task.StartType;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

    private DmsProvisioner(Builder b) {
        this.aws = new AwsCaller(b.retry, b.sleeper);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "dmskit-provisioner-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(b.parallelism, tf);
        this.policy = b.policy;
        this.waitTimeout = b.waitTimeout;
        this.provisioning = new Provisioning(b.dms, b.secrets, aws, pool, b.clock, b.sleeper, b.listener,
            b.pollInterval, b.maxPollInterval == null ? b.pollInterval.multipliedBy(3) : b.maxPollInterval,
            b.waitTimeout);
    }

    /** @return a builder; {@code dms(client)} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the current state and lists the changes that would bring DMS to the pipeline.
     *
     * @param pipeline the desired state
     * @return the plan (no-ops included), see {@link Plan#render()}
     */
    public Plan plan(Pipeline pipeline) {
        return provisioning.plan(Objects.requireNonNull(pipeline, "pipeline"));
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
     */
    public ApplyResult apply(Pipeline pipeline, ApplyPolicy applyPolicy) {
        return provisioning.apply(Objects.requireNonNull(pipeline, "pipeline"), Objects.requireNonNull(applyPolicy));
    }

    /**
     * Starts every task of the pipeline (each with the start type its history calls for) and waits until they run.
     *
     * @param pipeline the pipeline
     * @return the start type used per task (tasks already running are left out)
     */
    public Map<String, StartType> start(Pipeline pipeline) {
        return provisioning.start(pipeline.tasks().stream().map(ReplicationTask::identifier).toList(), null);
    }

    /**
     * Starts a task with the type its history calls for: {@code start-replication} if it never ran,
     * {@code reload-target} for a finished full-load task, {@code resume-processing} otherwise. Waits until it runs
     * (or, for a full-load task, finished).
     *
     * @param taskId task identifier
     * @return the start type used (null when it was already running)
     */
    public StartType start(String taskId) {
        return provisioning.start(List.of(taskId), null).get(taskId);
    }

    /**
     * @param task the task
     * @return the start type used
     */
    public StartType start(ReplicationTask task) {
        return start(task.identifier());
    }

    /**
     * @param taskId task identifier
     * @param type the start type to use
     */
    public void start(String taskId, StartType type) {
        provisioning.start(List.of(taskId), Objects.requireNonNull(type, "type"));
    }

    /** @param taskId task identifier; resumes with {@code resume-processing} and waits until it runs */
    public void resume(String taskId) {
        start(taskId, StartType.RESUME_PROCESSING);
    }

    /** @param taskId task identifier; stops it and waits (a task that is not running counts as stopped) */
    public void stop(String taskId) {
        provisioning.stop(List.of(taskId));
    }

    /** @param task the task to stop */
    public void stop(ReplicationTask task) {
        stop(task.identifier());
    }

    /** @param pipeline stops all its tasks, in parallel */
    public void stop(Pipeline pipeline) {
        provisioning.stop(pipeline.tasks().stream().map(ReplicationTask::identifier).toList());
    }

    /**
     * Reloads tables of a running task ({@code ReloadTables}, data-reload).
     *
     * @param taskId task identifier
     * @param tables source tables
     */
    public void reload(String taskId, TableRef... tables) {
        provisioning.reload(taskId, List.of(tables), false);
    }

    /**
     * Tests every (replication instance, endpoint) pair the pipeline's tasks use, in parallel, and waits for the
     * results.
     *
     * @param pipeline an applied pipeline
     * @return one result per pair; see {@link ConnectionTest#successful()}
     */
    public List<ConnectionTest> testConnections(Pipeline pipeline) {
        return provisioning.testConnections(pipeline);
    }

    /**
     * @param taskId task identifier
     * @return the task's current state, empty when it does not exist
     */
    public Optional<TaskState> describeTask(String taskId) {
        return provisioning.describeTask(taskId);
    }

    /**
     * Waits until a task reaches one of the statuses; fails at once if it fails.
     *
     * @param taskId task identifier
     * @param wanted wanted statuses
     * @param timeout how long to wait
     * @return the state reached
     * @throws WaitTimeoutException at the timeout
     * @throws ResourceFailedException when the task fails
     */
    public TaskState awaitTask(String taskId, Set<TaskStatus> wanted, Duration timeout) {
        return provisioning.waitForTask(taskId, wanted, timeout);
    }

    /**
     * @param taskId task identifier
     * @param wanted the wanted status
     * @return the state reached (waits at most the provisioner's wait timeout)
     */
    public TaskState awaitTask(String taskId, TaskStatus wanted) {
        return awaitTask(taskId, Set.of(wanted), waitTimeout);
    }

    /**
     * Lists what {@link #destroy(Pipeline)} would delete, in order, without changing anything.
     *
     * @param pipeline the pipeline
     * @return a plan of DELETE entries; managed secrets are shown as kept
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
     */
    public Plan planDestroy(Pipeline pipeline, DestroyOptions options) {
        return provisioning.planDestroy(Objects.requireNonNull(pipeline, "pipeline"),
            Objects.requireNonNull(options, "options"));
    }

    /**
     * Deletes the pipeline's DMS resources: tasks (stopped first), then endpoints and instances, then subnet
     * groups. Managed secrets are kept ({@link DestroyOptions#keepManagedSecrets()}).
     *
     * @param pipeline the pipeline
     * @return what was deleted, as {@code KIND:identifier}
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
     */
    public List<String> destroy(Pipeline pipeline, DestroyOptions options) {
        return provisioning.destroy(Objects.requireNonNull(pipeline, "pipeline"),
            Objects.requireNonNull(options, "options"));
    }

    /**
     * @param pipeline the pipeline
     * @param deleteManagedSecrets also delete the secrets dmskit manages
     * @param recoveryWindowDays Secrets Manager recovery window 7..30, or 0 to delete without recovery
     * @return what was deleted
     * @deprecated the positional {@code true, 7} reads as nothing: use
     *     {@code destroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7))} (or
     *     {@code .withoutRecovery()} for 0, {@code DestroyOptions.keepManagedSecrets()} for false)
     */
    @Deprecated(since = "0.1.0")
    public List<String> destroy(Pipeline pipeline, boolean deleteManagedSecrets, int recoveryWindowDays) {
        if (recoveryWindowDays != 0 && (recoveryWindowDays < 7 || recoveryWindowDays > 30)) {
            throw new IllegalArgumentException("recoveryWindowDays must be 0 or 7..30, was " + recoveryWindowDays);
        }
        DestroyOptions options = !deleteManagedSecrets ? DestroyOptions.keepManagedSecrets()
            : recoveryWindowDays == 0 ? DestroyOptions.deleteManagedSecrets().withoutRecovery()
            : DestroyOptions.deleteManagedSecrets().recoveryWindowDays(recoveryWindowDays);
        return destroy(pipeline, options);
    }

    /** @return AWS calls made so far (including reads and retries) */
    public long awsCallCount() {
        return aws.calls();
    }

    /** @return the resilience4j retry used for every AWS call (metrics, event publisher) */
    public io.github.resilience4j.retry.Retry retry() {
        return aws.retry();
    }

    /** @return retries made so far */
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
        return "DmsProvisioner{policy=" + policy + ", waitTimeout=" + waitTimeout + "}";
    }

    /** Fluent builder for {@link DmsProvisioner}. */
    public static final class Builder {
        private DatabaseMigrationClient dms;
        private SecretsManagerClient secrets;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.threadSleep();
        private RetrySettings retry = RetrySettings.defaults();
        private Duration pollInterval = Duration.ofSeconds(10);
        private Duration maxPollInterval;
        private Duration waitTimeout = Duration.ofMinutes(60);
        private int parallelism = 8;
        private ProgressListener listener = ProgressListener.none();
        private ApplyPolicy policy = ApplyPolicy.safe();

        private Builder() {
        }

        /**
         * @param client the DMS client (real, FakeDms, moto, LocalStack)
         * @return this builder
         */
        public Builder dms(DatabaseMigrationClient client) {
            this.dms = client;
            return this;
        }

        /**
         * @param client Secrets Manager client, needed for managed secrets
         * @return this builder
         */
        public Builder secrets(SecretsManagerClient client) {
            this.secrets = client;
            return this;
        }

        /**
         * @param clock time source for waits and progress (a FakeClock in tests)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param sleeper how to wait between polls and retries ({@code fakeClock::sleep} in tests)
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * @param retry retry settings for AWS calls
         * @return this builder
         */
        public Builder retry(RetrySettings retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * @param interval time between polls while waiting (default 10 s)
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive");
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * @param interval longest time between polls: while nothing changes the interval grows by 1.5 per round up
         *     to this (default 3 x pollInterval; equal to pollInterval for a fixed cadence)
         * @return this builder
         */
        public Builder maxPollInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("maxPollInterval must be positive");
            }
            this.maxPollInterval = interval;
            return this;
        }

        /**
         * @param timeout longest single wait (default 60 min)
         * @return this builder
         */
        public Builder waitTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("waitTimeout must be positive");
            }
            this.waitTimeout = timeout;
            return this;
        }

        /**
         * @param threads AWS calls made in parallel (default 8)
         * @return this builder
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, was " + threads);
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * @param listener receives state changes
         * @return this builder
         */
        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param policy default apply policy (default {@link ApplyPolicy#safe()})
         * @return this builder
         */
        public Builder policy(ApplyPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @return the provisioner
         * @throws IllegalStateException when no DMS client is set
         */
        public DmsProvisioner build() {
            if (dms == null) {
                throw new IllegalStateException("a DMS client is required: DmsProvisioner.builder().dms(client)");
            }
            return new DmsProvisioner(this);
        }
    }
}
