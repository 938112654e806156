package io.dmskit.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How long each {@link FakeDms} state transition takes, in the fake's clock time.
 *
 * <p>Two presets: {@link #instant()} (every transition is due at once, so the next Describe call already sees the
 * settled state, and a full load of no scripted tables finishes at once) and {@link #realistic()} (minutes for
 * replication instances, seconds for tasks and connections, as on AWS). Start from a preset and change what you
 * need:
 *
 * <pre>{@code
 * Timings t = Timings.realistic().toBuilder().taskStart(Duration.ofSeconds(5)).build();
 * Timings scripted = Timings.instant().toBuilder().fullLoadScripted().build();
 * }</pre>
 *
 * <p>Transitions are lazy: a transition that is due is applied when the next call reaches the fake. The response
 * to the call that begins a transition still shows the transitional state ({@code starting}, {@code stopping},
 * {@code deleting} ...), as on AWS.
 */
public final class Timings {

    private final Duration instanceCreate;
    private final Duration instanceModify;
    private final Duration instanceReboot;
    private final Duration instanceDelete;
    private final Duration endpointDelete;
    private final Duration connectionTest;
    private final Duration taskCreate;
    private final Duration taskModify;
    private final Duration taskStart;
    private final Duration taskStop;
    private final Duration taskMove;
    private final Duration taskDelete;
    private final Duration fullLoad;
    private final Duration replicationStart;
    private final Duration replicationStop;
    private final Duration replicationDeprovision;
    private final Duration taskAssessment;

    private Timings(Builder b) {
        this.instanceCreate = b.instanceCreate;
        this.instanceModify = b.instanceModify;
        this.instanceReboot = b.instanceReboot;
        this.instanceDelete = b.instanceDelete;
        this.endpointDelete = b.endpointDelete;
        this.connectionTest = b.connectionTest;
        this.taskCreate = b.taskCreate;
        this.taskModify = b.taskModify;
        this.taskStart = b.taskStart;
        this.taskStop = b.taskStop;
        this.taskMove = b.taskMove;
        this.taskDelete = b.taskDelete;
        this.fullLoad = b.fullLoad;
        this.replicationStart = b.replicationStart;
        this.replicationStop = b.replicationStop;
        this.replicationDeprovision = b.replicationDeprovision;
        this.taskAssessment = b.taskAssessment;
    }

    /**
     * {@return every transition due immediately; full load of unscripted tasks finishes immediately}
     */
    public static Timings instant() {
        return new Builder().build();
    }

    /**
     * {@return delays close to what AWS shows: instances 8 min to create, 4 min to modify, 3 min to reboot, 5 min to
     * delete; tasks 20 s to create, 15 s to modify, 30 s to start, 20 s to stop, 2 min to move, 15 s to delete;
     * connection tests 20 s; endpoint deletion 5 s; full load 2 min when no engine or script drives it; serverless
     * replications 10 min to start, 2 min to stop, their capacity released 48 h after a stop; task assessments 2 min}
     */
    public static Timings realistic() {
        return new Builder()
                .instanceCreate(Duration.ofMinutes(8))
                .instanceModify(Duration.ofMinutes(4))
                .instanceReboot(Duration.ofMinutes(3))
                .instanceDelete(Duration.ofMinutes(5))
                .endpointDelete(Duration.ofSeconds(5))
                .connectionTest(Duration.ofSeconds(20))
                .taskCreate(Duration.ofSeconds(20))
                .taskModify(Duration.ofSeconds(15))
                .taskStart(Duration.ofSeconds(30))
                .taskStop(Duration.ofSeconds(20))
                .taskMove(Duration.ofMinutes(2))
                .taskDelete(Duration.ofSeconds(15))
                .fullLoad(Duration.ofMinutes(2))
                .replicationStart(Duration.ofMinutes(10))
                .replicationStop(Duration.ofMinutes(2))
                .replicationDeprovision(Duration.ofHours(48))
                .taskAssessment(Duration.ofMinutes(2))
                .build();
    }

    /**
     * {@return a builder with no delays}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a builder holding these timings}
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@return the changed copy}
     *
     * @param change applied to a copy of these timings
     */
    public Timings with(Consumer<Builder> change) {
        Builder b = toBuilder();
        if (change != null) { // null: an unchanged copy
            change.accept(b);
        }
        return b.build();
    }

    /**
     * {@return {@code creating → available} of a replication instance}
     */
    public Duration instanceCreate() { return instanceCreate; }
    /**
     * {@return {@code modifying → available} of a replication instance}
     */
    public Duration instanceModify() { return instanceModify; }
    /**
     * {@return {@code rebooting → available} of a replication instance}
     */
    public Duration instanceReboot() { return instanceReboot; }
    /**
     * {@return {@code deleting → gone} of a replication instance}
     */
    public Duration instanceDelete() { return instanceDelete; }
    /**
     * {@return {@code deleting → gone} of an endpoint}
     */
    public Duration endpointDelete() { return endpointDelete; }
    /**
     * {@return {@code testing → successful|failed} of a connection}
     */
    public Duration connectionTest() { return connectionTest; }
    /**
     * {@return {@code creating → ready} of a task}
     */
    public Duration taskCreate() { return taskCreate; }
    /**
     * {@return {@code modifying → ready|stopped|failed} of a task}
     */
    public Duration taskModify() { return taskModify; }
    /**
     * {@return {@code starting → running} of a task}
     */
    public Duration taskStart() { return taskStart; }
    /**
     * {@return {@code stopping → stopped} of a task}
     */
    public Duration taskStop() { return taskStop; }
    /**
     * {@return {@code moving → ready|stopped} of a task}
     */
    public Duration taskMove() { return taskMove; }
    /**
     * {@return {@code deleting → gone} of a task}
     */
    public Duration taskDelete() { return taskDelete; }
    /**
     * {@return StartReplication to {@code running} of a serverless replication, shared evenly by its seven start steps
     * ({@code initializing} ... {@code replication_starting})}
     */
    public Duration replicationStart() { return replicationStart; }
    /**
     * {@return {@code stopping → stopped} of a serverless replication, and {@code deprovisioning → deprovisioned}}
     */
    public Duration replicationStop() { return replicationStop; }
    /**
     * {@return how long a stopped or failed serverless replication keeps its provisioned capacity ({@code
     * ReplicationDeprovisionTime} minus the stop) before {@code ProvisionState} goes {@code deprovisioning}}
     */
    public Duration replicationDeprovision() { return replicationDeprovision; }
    /**
     * {@return {@code testing → ready|stopped|failed} of a task assessment (StartReplicationTaskAssessment)}
     */
    public Duration taskAssessment() { return taskAssessment; }

    /**
     * {@return how long the full load of a running task takes when neither a replication engine nor a test drives it;
     * empty when only {@link TaskControl#finishFullLoad()} (or an engine) ends it}
     */
    public Optional<Duration> fullLoad() { return Optional.ofNullable(fullLoad); }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Timings t)) {
            return false;
        }
        return instanceCreate.equals(t.instanceCreate) && instanceModify.equals(t.instanceModify)
                && instanceReboot.equals(t.instanceReboot) && instanceDelete.equals(t.instanceDelete)
                && endpointDelete.equals(t.endpointDelete) && connectionTest.equals(t.connectionTest)
                && taskCreate.equals(t.taskCreate) && taskModify.equals(t.taskModify) && taskStart.equals(t.taskStart)
                && taskStop.equals(t.taskStop) && taskMove.equals(t.taskMove) && taskDelete.equals(t.taskDelete)
                && Objects.equals(fullLoad, t.fullLoad) && replicationStart.equals(t.replicationStart)
                && replicationStop.equals(t.replicationStop)
                && replicationDeprovision.equals(t.replicationDeprovision) && taskAssessment.equals(t.taskAssessment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(instanceCreate, instanceModify, instanceReboot, instanceDelete, endpointDelete,
                connectionTest, taskCreate, taskModify, taskStart, taskStop, taskMove, taskDelete, fullLoad,
                replicationStart, replicationStop, replicationDeprovision, taskAssessment);
    }

    @Override
    public String toString() {
        return "Timings[instanceCreate=" + instanceCreate + ", instanceModify=" + instanceModify
                + ", instanceReboot=" + instanceReboot + ", instanceDelete=" + instanceDelete
                + ", endpointDelete=" + endpointDelete + ", connectionTest=" + connectionTest
                + ", taskCreate=" + taskCreate + ", taskModify=" + taskModify + ", taskStart=" + taskStart
                + ", taskStop=" + taskStop + ", taskMove=" + taskMove + ", taskDelete=" + taskDelete
                + ", fullLoad=" + (fullLoad == null ? "scripted" : fullLoad)
                + ", replicationStart=" + replicationStart + ", replicationStop=" + replicationStop
                + ", replicationDeprovision=" + replicationDeprovision + ", taskAssessment=" + taskAssessment + "]";
    }

    /** Builds {@link Timings}; every delay defaults to zero and must not be negative. */
    public static final class Builder {
        private Duration instanceCreate = Duration.ZERO;
        private Duration instanceModify = Duration.ZERO;
        private Duration instanceReboot = Duration.ZERO;
        private Duration instanceDelete = Duration.ZERO;
        private Duration endpointDelete = Duration.ZERO;
        private Duration connectionTest = Duration.ZERO;
        private Duration taskCreate = Duration.ZERO;
        private Duration taskModify = Duration.ZERO;
        private Duration taskStart = Duration.ZERO;
        private Duration taskStop = Duration.ZERO;
        private Duration taskMove = Duration.ZERO;
        private Duration taskDelete = Duration.ZERO;
        private Duration fullLoad = Duration.ZERO;
        private Duration replicationStart = Duration.ZERO;
        private Duration replicationStop = Duration.ZERO;
        private Duration replicationDeprovision = Duration.ZERO;
        private Duration taskAssessment = Duration.ZERO;
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        private Builder(Timings t) {
            instanceCreate = t.instanceCreate;
            instanceModify = t.instanceModify;
            instanceReboot = t.instanceReboot;
            instanceDelete = t.instanceDelete;
            endpointDelete = t.endpointDelete;
            connectionTest = t.connectionTest;
            taskCreate = t.taskCreate;
            taskModify = t.taskModify;
            taskStart = t.taskStart;
            taskStop = t.taskStop;
            taskMove = t.taskMove;
            taskDelete = t.taskDelete;
            fullLoad = t.fullLoad;
            replicationStart = t.replicationStart;
            replicationStop = t.replicationStop;
            replicationDeprovision = t.replicationDeprovision;
            taskAssessment = t.taskAssessment;
        }

        private Duration check(String name, Duration d) {
            if (d == null) {
                problems.add(name + " must not be null");
                return Duration.ZERO;
            }
            if (d.isNegative()) {
                problems.add(name + " must not be negative, got " + d);
                return Duration.ZERO;
            }
            return d;
        }

        /**
         * Sets {@code instanceCreate}: replication instance creation time.
         *
         * @param d replication instance creation time
         * @return this builder
         */
        public Builder instanceCreate(Duration d) { instanceCreate = check("instanceCreate", d); return this; }
        /**
         * Sets {@code instanceModify}: replication instance modification time.
         *
         * @param d replication instance modification time
         * @return this builder
         */
        public Builder instanceModify(Duration d) { instanceModify = check("instanceModify", d); return this; }
        /**
         * Sets {@code instanceReboot}: replication instance reboot time.
         *
         * @param d replication instance reboot time
         * @return this builder
         */
        public Builder instanceReboot(Duration d) { instanceReboot = check("instanceReboot", d); return this; }
        /**
         * Sets {@code instanceDelete}: replication instance deletion time.
         *
         * @param d replication instance deletion time
         * @return this builder
         */
        public Builder instanceDelete(Duration d) { instanceDelete = check("instanceDelete", d); return this; }
        /**
         * Sets {@code endpointDelete}: endpoint deletion time.
         *
         * @param d endpoint deletion time
         * @return this builder
         */
        public Builder endpointDelete(Duration d) { endpointDelete = check("endpointDelete", d); return this; }
        /**
         * Sets {@code connectionTest}: connection test time.
         *
         * @param d connection test time
         * @return this builder
         */
        public Builder connectionTest(Duration d) { connectionTest = check("connectionTest", d); return this; }
        /**
         * Sets {@code taskCreate}: task creation time.
         *
         * @param d task creation time
         * @return this builder
         */
        public Builder taskCreate(Duration d) { taskCreate = check("taskCreate", d); return this; }
        /**
         * Sets {@code taskModify}: task modification time.
         *
         * @param d task modification time
         * @return this builder
         */
        public Builder taskModify(Duration d) { taskModify = check("taskModify", d); return this; }
        /**
         * Sets {@code taskStart}: task start time ({@code starting → running}).
         *
         * @param d task start time ({@code starting → running})
         * @return this builder
         */
        public Builder taskStart(Duration d) { taskStart = check("taskStart", d); return this; }
        /**
         * Sets {@code taskStop}: task stop time ({@code stopping → stopped}).
         *
         * @param d task stop time ({@code stopping → stopped})
         * @return this builder
         */
        public Builder taskStop(Duration d) { taskStop = check("taskStop", d); return this; }
        /**
         * Sets {@code taskMove}: task move time.
         *
         * @param d task move time
         * @return this builder
         */
        public Builder taskMove(Duration d) { taskMove = check("taskMove", d); return this; }
        /**
         * Sets {@code taskDelete}: task deletion time.
         *
         * @param d task deletion time
         * @return this builder
         */
        public Builder taskDelete(Duration d) { taskDelete = check("taskDelete", d); return this; }
        /**
         * Sets {@code replicationStart}: serverless replication start time.
         *
         * @param d serverless replication start time
         * @return this builder
         */
        public Builder replicationStart(Duration d) { replicationStart = check("replicationStart", d); return this; }
        /**
         * Sets {@code taskAssessment}: task assessment time ({@code testing}).
         *
         * @param d task assessment time ({@code testing})
         * @return this builder
         */
        public Builder taskAssessment(Duration d) { taskAssessment = check("taskAssessment", d); return this; }
        /**
         * Sets {@code replicationStop}: serverless replication stop time.
         *
         * @param d serverless replication stop time
         * @return this builder
         */
        public Builder replicationStop(Duration d) { replicationStop = check("replicationStop", d); return this; }
        /**
         * Sets {@code replicationDeprovision}: how long a stopped serverless replication keeps its capacity.
         *
         * @param d how long a stopped serverless replication keeps its capacity
         * @return this builder
         */
        public Builder replicationDeprovision(Duration d) {
            replicationDeprovision = check("replicationDeprovision", d);
            return this;
        }

        /**
         * Sets {@code fullLoad}: how long an undriven full load takes once the task runs.
         *
         * @param d how long an undriven full load takes once the task runs
         * @return this builder
         */
        public Builder fullLoad(Duration d) { fullLoad = check("fullLoad", d); return this; }

        /**
         * Full load ends only when a test calls {@link TaskControl#finishFullLoad()} (or a replication engine reports
         * it): use this to observe tasks in the middle of a full load.
         *
         * @return this builder
         */
        public Builder fullLoadScripted() { fullLoad = null; return this; }

        /**
         * {@return the timings}
         *
         * @throws IllegalArgumentException listing every null or negative delay given
         */
        public Timings build() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid timings: " + String.join("; ", problems));
            }
            return new Timings(this);
        }
    }
}
