package io.dmskit.observe;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.model.TaskStatus;
import io.dmskit.observe.internal.SnapshotRendering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a replication task (or a DMS Serverless replication) looked like at one moment: its status, stop reason and
 * last failure, the full-load progress and table counts DMS reports in {@code ReplicationTaskStats}, the per-table
 * states of {@code DescribeTableStatistics} (when read), and the latest CloudWatch values of its metrics.
 *
 * <pre>{@code
 * TaskSnapshot s = observer.snapshot("orders-replication");
 * s.fullLoadProgressPercent();          // 100
 * s.metrics().cdcLatencyTarget();       // Optional[PT2S]
 * System.out.println(s.render());       // or s.toJson()
 * }</pre>
 *
 * <p>Immutable. It holds no task settings and no endpoint settings, so no secret can appear in it; a failure message
 * is shown with anything that looks like a password redacted.
 */
public final class TaskSnapshot {

    private final ResourceType type;
    private final String identifier;
    private final String arn;
    private final String instanceIdentifier;
    private final String migrationType;
    private final String statusText;
    private final String stopReason;
    private final String lastFailure;
    private final int fullLoadProgressPercent;
    private final int tablesLoaded;
    private final int tablesLoading;
    private final int tablesQueued;
    private final int tablesErrored;
    private final Duration elapsed;
    private final List<TableState> tables;
    private final boolean tablesRead;
    private final MetricValues metrics;
    private final Instant observedAt;

    private TaskSnapshot(Builder b) {
        this.type = b.type;
        this.identifier = b.identifier;
        this.arn = b.arn;
        this.instanceIdentifier = b.instanceIdentifier;
        this.migrationType = b.migrationType == null ? "" : b.migrationType;
        this.statusText = b.status;
        this.stopReason = blankToNull(b.stopReason);
        this.lastFailure = blankToNull(SnapshotRendering.redact(b.lastFailure));
        this.fullLoadProgressPercent = b.fullLoadProgressPercent;
        this.tablesLoaded = b.tablesLoaded;
        this.tablesLoading = b.tablesLoading;
        this.tablesQueued = b.tablesQueued;
        this.tablesErrored = b.tablesErrored;
        this.elapsed = b.elapsed == null ? Duration.ZERO : b.elapsed;
        this.tables = List.copyOf(b.tables);
        this.tablesRead = b.tablesRead;
        this.metrics = b.metrics == null ? MetricValues.none(Duration.ofMinutes(1)) : b.metrics;
        this.observedAt = b.observedAt;
    }

    /**
     * {@return a builder}
     *
     * @param identifier the task identifier (or the replication config identifier)
     * @param arn the task ARN (or the replication config ARN)
     */
    public static Builder builder(String identifier, String arn) {
        return new Builder(identifier, arn);
    }

    /**
     * {@return a builder holding this snapshot}
     */
    public Builder toBuilder() {
        Builder b = new Builder(identifier, arn).type(type).instanceIdentifier(instanceIdentifier)
            .migrationType(migrationType).status(statusText).stopReason(stopReason).lastFailure(lastFailure)
            .fullLoadProgressPercent(fullLoadProgressPercent).tables(tablesLoaded, tablesLoading, tablesQueued,
                tablesErrored).elapsed(elapsed).metrics(metrics).observedAt(observedAt);
        if (tablesRead) {
            b.tableStates(tables);
        }
        return b;
    }

    /**
     * {@return {@link ResourceType#TASK} or {@link ResourceType#REPLICATION_CONFIG}}
     */
    public ResourceType type() {
        return type;
    }

    /**
     * {@return the task identifier (or the replication config identifier)}
     */
    public String identifier() {
        return identifier;
    }

    /**
     * {@return the task ARN (or the replication config ARN)}
     */
    public String arn() {
        return arn;
    }

    /**
     * {@return the resource id: the last part of the ARN, as CloudWatch dimensions and log names use it}
     */
    public String resourceId() {
        return DmsMetrics.resourceId(arn);
    }

    /**
     * {@return the replication instance's identifier (empty for a serverless replication)}
     */
    public Optional<String> instanceIdentifier() {
        return Optional.ofNullable(instanceIdentifier);
    }

    /**
     * {@return {@code full-load}, {@code cdc} or {@code full-load-and-cdc}}
     */
    public String migrationType() {
        return migrationType;
    }

    /**
     * {@return the status as dmskit knows it ({@link TaskStatus#UNKNOWN} for a status it does not know)}
     */
    public TaskStatus status() {
        return TaskStatus.parse(statusText).orElse(TaskStatus.UNKNOWN);
    }

    /**
     * {@return the status text exactly as DMS reported it}
     */
    public String statusText() {
        return statusText;
    }

    /**
     * {@return DMS's {@code StopReason}}
     */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * {@return DMS's {@code LastFailureMessage} (secrets redacted)}
     */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * {@return {@code FullLoadProgressPercent}, 0..100}
     */
    public int fullLoadProgressPercent() {
        return fullLoadProgressPercent;
    }

    /**
     * {@return {@code TablesLoaded}}
     */
    public int tablesLoaded() {
        return tablesLoaded;
    }

    /**
     * {@return {@code TablesLoading}}
     */
    public int tablesLoading() {
        return tablesLoading;
    }

    /**
     * {@return {@code TablesQueued}}
     */
    public int tablesQueued() {
        return tablesQueued;
    }

    /**
     * {@return {@code TablesErrored}}
     */
    public int tablesErrored() {
        return tablesErrored;
    }

    /**
     * {@return {@code ElapsedTimeMillis} as a duration}
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * {@return per-table states (empty when they were not read; see {@link #tablesRead()})}
     */
    public List<TableState> tables() {
        return tables;
    }

    /**
     * {@return whether {@link #tables()} was read ({@code DescribeTableStatistics})}
     */
    public boolean tablesRead() {
        return tablesRead;
    }

    /**
     * {@return the tables DMS reports in error}
     */
    public List<TableState> erroredTables() {
        return tables.stream().filter(TableState::errored).toList();
    }

    /**
     * {@return the latest CloudWatch values of the task's metrics}
     */
    public MetricValues metrics() {
        return metrics;
    }

    /**
     * {@return when the snapshot was taken}
     */
    public Instant observedAt() {
        return observedAt;
    }

    /**
     * {@return whether the full load is finished: progress 100 and nothing loading or queued}
     */
    public boolean fullLoadComplete() {
        return fullLoadProgressPercent >= 100 && tablesLoading == 0 && tablesQueued == 0;
    }

    /**
     * {@return a short one-line summary, for progress listeners and timeout messages}
     */
    public String summary() {
        return SnapshotRendering.summary(this);
    }

    /**
     * {@return a readable multi-line rendering}
     */
    public String render() {
        return SnapshotRendering.text(this);
    }

    /**
     * {@return a JSON rendering}
     */
    public String toJson() {
        return SnapshotRendering.json(this);
    }

    @Override
    public String toString() {
        return "TaskSnapshot{" + summary() + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSnapshot s && toJson().equals(s.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Builds a {@link TaskSnapshot}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final String identifier;
        private final String arn;
        private ResourceType type = ResourceType.TASK;
        private String instanceIdentifier;
        private String migrationType;
        private String status;
        private String stopReason;
        private String lastFailure;
        private int fullLoadProgressPercent;
        private int tablesLoaded;
        private int tablesLoading;
        private int tablesQueued;
        private int tablesErrored;
        private Duration elapsed;
        private final List<TableState> tables = new ArrayList<>();
        private boolean tablesRead;
        private MetricValues metrics;
        private Instant observedAt;

        private Builder(String identifier, String arn) {
            this.identifier = identifier;
            this.arn = arn;
        }

        /**
         * Sets {@code type}: the kind of resource (TASK or REPLICATION_CONFIG).
         *
         * @param v the kind of resource (TASK or REPLICATION_CONFIG)
         * @return this builder
         */
        public Builder type(ResourceType v) {
            this.type = v;
            return this;
        }

        /**
         * Sets {@code instanceIdentifier}: the replication instance identifier, or null.
         *
         * @param v the replication instance identifier, or null
         * @return this builder
         */
        public Builder instanceIdentifier(String v) {
            this.instanceIdentifier = v;
            return this;
        }

        /**
         * Sets {@code migrationType}: the migration type.
         *
         * @param v the migration type
         * @return this builder
         */
        public Builder migrationType(String v) {
            this.migrationType = v;
            return this;
        }

        /**
         * Sets {@code status}: the status as DMS reported it.
         *
         * @param v the status as DMS reported it
         * @return this builder
         */
        public Builder status(String v) {
            this.status = v;
            return this;
        }

        /**
         * Sets {@code stopReason}: the StopReason, or null.
         *
         * @param v the StopReason, or null
         * @return this builder
         */
        public Builder stopReason(String v) {
            this.stopReason = v;
            return this;
        }

        /**
         * Sets {@code lastFailure}: the LastFailureMessage, or null.
         *
         * @param v the LastFailureMessage, or null
         * @return this builder
         */
        public Builder lastFailure(String v) {
            this.lastFailure = v;
            return this;
        }

        /**
         * Sets {@code fullLoadProgressPercent}: full-load progress, 0..100.
         *
         * @param v full-load progress, 0..100
         * @return this builder
         */
        public Builder fullLoadProgressPercent(int v) {
            this.fullLoadProgressPercent = v;
            return this;
        }

        /**
         * Sets {@code tables}: TablesLoaded.
         *
         * @param loaded TablesLoaded
         * @param loading TablesLoading
         * @param queued TablesQueued
         * @param errored TablesErrored
         * @return this builder
         */
        public Builder tables(int loaded, int loading, int queued, int errored) {
            this.tablesLoaded = loaded;
            this.tablesLoading = loading;
            this.tablesQueued = queued;
            this.tablesErrored = errored;
            return this;
        }

        /**
         * Sets {@code elapsed}: elapsed time.
         *
         * @param v elapsed time
         * @return this builder
         */
        public Builder elapsed(Duration v) {
            this.elapsed = v;
            return this;
        }

        /**
         * Sets {@code tableStates}: per-table states (marks them as read).
         *
         * @param v per-table states (marks them as read)
         * @return this builder
         */
        public Builder tableStates(List<TableState> v) {
            this.tables.clear();
            if (v != null) {
                this.tables.addAll(v);
            }
            this.tablesRead = true;
            return this;
        }

        /**
         * Sets {@code metrics}: CloudWatch values.
         *
         * @param v CloudWatch values
         * @return this builder
         */
        public Builder metrics(MetricValues v) {
            this.metrics = v;
            return this;
        }

        /**
         * Sets {@code observedAt}: when the snapshot was taken.
         *
         * @param v when the snapshot was taken
         * @return this builder
         */
        public Builder observedAt(Instant v) {
            this.observedAt = v;
            return this;
        }

        /**
         * {@return the snapshot}
         *
         * @throws InvalidDefinitionException naming every missing or out-of-range field
         */
        public TaskSnapshot build() {
            List<DefinitionProblem> p = new ArrayList<>();
            String where = "TaskSnapshot " + identifier;
            if (identifier == null || identifier.isBlank()) {
                p.add(new DefinitionProblem(where, "identifier", "is required"));
            }
            if (arn == null || arn.indexOf(':') < 0) {
                p.add(new DefinitionProblem(where, "arn", "must be an ARN, was " + arn));
            }
            if (type != ResourceType.TASK && type != ResourceType.REPLICATION_CONFIG) {
                p.add(new DefinitionProblem(where, "type", "must be TASK or REPLICATION_CONFIG, was " + type));
            }
            if (status == null) {
                p.add(new DefinitionProblem(where, "status", "is required"));
            }
            if (observedAt == null) {
                p.add(new DefinitionProblem(where, "observedAt", "is required"));
            }
            if (fullLoadProgressPercent < 0 || fullLoadProgressPercent > 100) {
                p.add(new DefinitionProblem(where, "fullLoadProgressPercent", "must be 0..100, was "
                    + fullLoadProgressPercent));
            }
            if (tablesLoaded < 0 || tablesLoading < 0 || tablesQueued < 0 || tablesErrored < 0) {
                p.add(new DefinitionProblem(where, "tables", "counts must not be negative"));
            }
            if (elapsed != null && elapsed.isNegative()) {
                p.add(new DefinitionProblem(where, "elapsed", "must not be negative, was " + elapsed));
            }
            if (tables.contains(null)) {
                p.add(new DefinitionProblem(where, "tableStates", "holds null"));
            }
            if (!p.isEmpty()) {
                throw new InvalidDefinitionException(p);
            }
            return new TaskSnapshot(this);
        }
    }
}
