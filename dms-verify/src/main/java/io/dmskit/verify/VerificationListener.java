package io.dmskit.verify;

import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.source.SourceTable;

/**
 * Progress of a long verification or probe. Every method has an empty default; implementations must be thread-safe
 * (tables are counted in parallel). Everything reported here is also logged through SLF4J (logger
 * {@code io.dmskit.verify}).
 */
public interface VerificationListener {

    /**
     * Called once the tables to verify are known.
     *
     * @param count number of tables selected for verification
     */
    default void tablesSelected(int count) {
    }

    /**
     * Called when a source table has been counted.
     *
     * @param table the source table
     * @param count its count
     */
    default void sourceCounted(SourceTable table, SourceCount count) {
    }

    /**
     * Called after each object read from the target.
     *
     * @param location the target location being read (e.g. the table's S3 folder)
     * @param key the object read
     * @param bytesRead bytes read so far for this table
     */
    default void objectScanned(String location, String key, long bytesRead) {
    }

    /**
     * Called as each table is counted. A differing table of an active CDC task may still turn
     * {@code PENDING} afterwards, when DMS's counters moved while the tables were counted (checked once at the
     * end); the report is authoritative.
     *
     * @param result the table's result
     * @param done tables finished so far
     * @param total tables in this run
     */
    default void tableVerified(TableVerification result, int done, int total) {
    }

    /**
     * Called at each step of the CDC probe.
     *
     * @param message a step of the CDC probe (marker inserted, change seen, ...)
     */
    default void probeStep(String message) {
    }
}
