package io.dmskit.verify.probe;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.verify.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Settings of a CDC probe.
 *
 * <pre>{@code
 * CdcProbeResult r = verifier.probeCdc(o -> o.schema("sales").createTableIfMissing(true)
 *         .timeout(Duration.ofMinutes(5)));
 * }</pre>
 */
public final class CdcProbeOptions {

    /** The default probe table name. */
    public static final String DEFAULT_TABLE = "dmskit_probe";

    private final String schema;
    private final String table;
    private final boolean createTableIfMissing;
    private final Duration timeout;
    private final Duration pollInterval;
    private final boolean sequential;

    private CdcProbeOptions(Builder b) {
        this.schema = b.schema;
        this.table = b.table;
        this.createTableIfMissing = b.createTableIfMissing;
        this.timeout = b.timeout;
        this.pollInterval = b.pollInterval;
        this.sequential = b.sequential;
    }

    /**
     * {@return defaults: table {@code dmskit_probe}, first replicated schema, no creation, 5 min timeout, 2 s poll
     * interval, sequential changes}
     */
    public static CdcProbeOptions defaults() {
        return builder().build();
    }

    /** {@return a builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return options built by the consumer}
     *
     * @param spec sets up the builder
     * @throws InvalidDefinitionException when spec is null, or listing every invalid setting
     */
    public static CdcProbeOptions of(Consumer<Builder> spec) {
        Checks.require(spec, "spec", "CdcProbeOptions.of");
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** {@return a builder with these settings} */
    public Builder toBuilder() {
        return builder().schema(schema).table(table).createTableIfMissing(createTableIfMissing).timeout(timeout)
                .pollInterval(pollInterval).sequential(sequential);
    }

    /** {@return source schema of the probe table, or null = the first schema the task replicates} */
    public String schema() {
        return schema;
    }

    /** {@return probe table name} */
    public String table() {
        return table;
    }

    /** {@return whether the probe may create its table} */
    public boolean createTableIfMissing() {
        return createTableIfMissing;
    }

    /** {@return how long to wait for all three changes, in total} */
    public Duration timeout() {
        return timeout;
    }

    /** {@return pause between polls of the target} */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * {@return whether each change is made only once the previous one is visible on the target (insert, wait, update,
     * wait, delete, wait); false = the three changes back to back, then one wait for all of them. A database target is
     * always probed sequentially (it only ever shows the latest state of the row)}
     */
    public boolean sequential() {
        return sequential;
    }

    @Override
    public String toString() {
        return "CdcProbeOptions{table=" + (schema == null ? "" : schema + ".") + table + ", createTableIfMissing="
                + createTableIfMissing + ", timeout=" + timeout + ", pollInterval=" + pollInterval + ", sequential="
                + sequential + "}";
    }

    /** Builder; setters store what they are given and {@link #build()} reports all problems at once. */
    public static final class Builder {
        /** Longest table or schema name accepted (MySQL allows 64, PostgreSQL 63; leave room). */
        private static final int MAX_NAME = 128;
        /** Longest timeout or poll interval accepted. */
        private static final Duration MAX_WAIT = Duration.ofDays(366);
        private String schema;
        private String table = DEFAULT_TABLE;
        private boolean createTableIfMissing;
        private Duration timeout = Duration.ofMinutes(5);
        private Duration pollInterval = Duration.ofSeconds(2);
        private boolean sequential = true;

        private Builder() {
        }

        private static boolean hasControl(String s) {
            return s.chars().anyMatch(c -> Character.isISOControl(c));
        }

        /**
         * Sets {@code schema}: source schema holding the probe table.
         *
         * @param v source schema holding the probe table
         * @return this
         */
        public Builder schema(String v) {
            this.schema = v;
            return this;
        }

        /**
         * Sets {@code table}: probe table name (default {@code dmskit_probe}).
         *
         * @param v probe table name (default {@code dmskit_probe})
         * @return this
         */
        public Builder table(String v) {
            this.table = v;
            return this;
        }

        /**
         * Sets {@code createTableIfMissing}: allow {@code CREATE TABLE} of the probe table when it is missing (default
         * false).
         *
         * @param v allow {@code CREATE TABLE} of the probe table when it is missing (default false)
         * @return this
         */
        public Builder createTableIfMissing(boolean v) {
            this.createTableIfMissing = v;
            return this;
        }

        /**
         * Sets {@code timeout}: total wait for the three changes (default 5 min). DMS's S3 {@code CdcMaxBatchInterval}
         * defaults to 60 s and a sequential probe waits for up to three batches, so keep it above three intervals.
         *
         * @param v total wait for the three changes (default 5 min). DMS's S3 {@code CdcMaxBatchInterval} defaults
         *          to 60 s and a sequential probe waits for up to three batches, so keep it above three intervals
         * @return this
         */
        public Builder timeout(Duration v) {
            this.timeout = v;
            return this;
        }

        /**
         * Sets {@code pollInterval}: pause between target polls (default 2 s).
         *
         * @param v pause between target polls (default 2 s)
         * @return this
         */
        public Builder pollInterval(Duration v) {
            this.pollInterval = v;
            return this;
        }

        /**
         * Whether to wait until each change is visible on the target before making the next one (default true).
         *
         * <p>Sequential probing works whatever way the source's changes are captured. Back to back ({@code false})
         * finishes sooner when the target batches changes (one S3 {@code CdcMaxBatchInterval} instead of three), but
         * it only works when every change is captured from a log (binlog, logical decoding): a capture that polls
         * the table's state sees the marker row inserted and deleted between two polls, and so nothing at all. A
         * database target ignores {@code false}, since it only shows the row's latest state.
         *
         * @param v true = insert, wait, update, wait, delete, wait; false = all three, then wait
         * @return this
         */
        public Builder sequential(boolean v) {
            this.sequential = v;
            return this;
        }

        /**
         * {@return the options}
         *
         * @throws InvalidDefinitionException listing every invalid setting
         */
        public CdcProbeOptions build() {
            Checks.Problems p = new Checks.Problems("CdcProbeOptions");
            p.add(table == null || table.isBlank(), "table", "table must not be blank");
            p.add(table != null && (table.length() > MAX_NAME || hasControl(table)), "table", "table "
                    + Checks.show(table) + " is not a table name (at most " + MAX_NAME + " characters, no control"
                    + " characters)");
            p.add(schema != null && schema.isBlank(), "schema", "schema must not be blank when set");
            p.add(schema != null && (schema.length() > MAX_NAME || hasControl(schema)), "schema", "schema "
                    + Checks.show(schema) + " is not a schema name (at most " + MAX_NAME + " characters, no control"
                    + " characters)");
            p.add(timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_WAIT) > 0,
                    "timeout", "timeout must be positive, at most " + MAX_WAIT + ", was " + timeout);
            p.add(pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                    || pollInterval.compareTo(MAX_WAIT) > 0, "pollInterval", "pollInterval must be positive, at most "
                    + MAX_WAIT + ", was " + pollInterval);
            p.throwIfAny();
            return new CdcProbeOptions(this);
        }
    }
}
