package io.dmskit.verify.report;

import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.target.TargetCount;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One table's line of the report.
 *
 * <p>Naming: {@code sourceCount()} / {@code targetCount()} are what was counted on each side (with their details),
 * {@code sourceRowCount()} / {@code targetRowCount()} just the row numbers, empty when that side has none,
 * {@code targetLocation()} where the target was read.
 *
 * @param sourceSchema source schema (null for a table found only on the target)
 * @param sourceTable source table (null for a table found only on the target)
 * @param targetSchema target schema after the task's transformation rules
 * @param targetTable target table after the task's transformation rules
 * @param sourceCount the source count, empty when not counted (extra on target, error)
 * @param targetCount the target count, empty when no target was read
 * @param dms DMS's table statistics, when a DMS client and task were given
 * @param difference target rows − source rows (0 when either side is missing)
 * @param status the outcome
 * @param notes what a reader should know (filters applied, estimates, header rows, DMS counters that disagree)
 * @param error the error message for {@link VerificationStatus#ERROR}
 * @param statusReason why a difference is {@link VerificationStatus#PENDING} (e.g. "DMS table state 'Full load'")
 *                     or final (e.g. "task is stopped"); empty when the counts speak for themselves
 * @param content what content verification found (totals, samples), empty for a row-count verification
 */
public record TableVerification(String sourceSchema, String sourceTable, String targetSchema, String targetTable,
                                Optional<SourceCount> sourceCount, Optional<TargetCount> targetCount,
                                Optional<DmsTableStatistics> dms, long difference, VerificationStatus status,
                                List<String> notes, Optional<String> error, Optional<String> statusReason,
                                Optional<TableContent> content) {

    /** Validates and copies. */
    public TableVerification {
        Checks.require(targetSchema, "targetSchema", "TableVerification");
        Checks.require(targetTable, "targetTable", "TableVerification");
        Checks.require(sourceCount, "sourceCount", "TableVerification");
        Checks.require(targetCount, "targetCount", "TableVerification");
        Checks.require(dms, "dms", "TableVerification");
        Checks.require(status, "status", "TableVerification");
        Checks.require(error, "error", "TableVerification");
        Checks.require(statusReason, "statusReason", "TableVerification");
        Checks.require(content, "content", "TableVerification");
        notes = Checks.copyOf(notes, "notes", "TableVerification");
    }

    /**
     * A row-count result (no content verification).
     *
     * @param sourceSchema source schema
     * @param sourceTable source table
     * @param targetSchema target schema
     * @param targetTable target table
     * @param sourceCount the source count
     * @param targetCount the target count
     * @param dms DMS's table statistics
     * @param difference target rows - source rows
     * @param status the outcome
     * @param notes notes
     * @param error the error message
     * @param statusReason why the status
     */
    public TableVerification(String sourceSchema, String sourceTable, String targetSchema, String targetTable,
                             Optional<SourceCount> sourceCount, Optional<TargetCount> targetCount,
                             Optional<DmsTableStatistics> dms, long difference, VerificationStatus status,
                             List<String> notes, Optional<String> error, Optional<String> statusReason) {
        this(sourceSchema, sourceTable, targetSchema, targetTable, sourceCount, targetCount, dms, difference, status,
                notes, error, statusReason, Optional.empty());
    }

    /**
     * The form before {@code statusReason} existed.
     *
     * @deprecated use the canonical constructor, which also takes the status reason
     */
    @Deprecated(since = "0.1.0")
    public TableVerification(String sourceSchema, String sourceTable, String targetSchema, String targetTable,
                             Optional<SourceCount> sourceCount, Optional<TargetCount> targetCount,
                             Optional<DmsTableStatistics> dms, long difference, VerificationStatus status,
                             List<String> notes, Optional<String> error) {
        this(sourceSchema, sourceTable, targetSchema, targetTable, sourceCount, targetCount, dms, difference, status,
                notes, error, Optional.empty());
    }

    /**
     * {@return a copy with another status and reason}
     *
     * @param newStatus the status
     * @param reason why
     * @param note a note added to the existing ones, or null
     */
    public TableVerification withStatus(VerificationStatus newStatus, String reason, String note) {
        List<String> n = new java.util.ArrayList<>(notes);
        if (note != null) {
            n.add(note);
        }
        return new TableVerification(sourceSchema, sourceTable, targetSchema, targetTable, sourceCount, targetCount,
                dms, difference, newStatus, n, error, Optional.ofNullable(reason), content);
    }

    /** {@return {@code schema.table} on the source, or the target name when there is no source table} */
    public String name() {
        return sourceTable == null ? targetSchema + "." + targetTable : sourceSchema + "." + sourceTable;
    }

    /** {@return where the target count was read, or "(not read)"} */
    public String targetLocation() {
        return targetCount.map(TargetCount::location).orElse("(not read)");
    }

    /** {@return the source's row count, empty when the source was not counted} */
    public OptionalLong sourceRowCount() {
        return sourceCount.map(s -> OptionalLong.of(s.rows())).orElse(OptionalLong.empty());
    }

    /** {@return the target's row count, empty when the target was not read or has nothing for this table} */
    public OptionalLong targetRowCount() {
        return targetCount.filter(TargetCount::exists).map(t -> OptionalLong.of(t.rows())).orElse(OptionalLong.empty());
    }

    /**
     * {@return the source count}
     *
     * @deprecated named like the row numbers but not one; use {@link #sourceCount()}
     */
    @Deprecated(since = "0.1.0")
    public Optional<SourceCount> source() {
        return sourceCount;
    }

    /**
     * {@return the target count}
     *
     * @deprecated read as "the target" next to {@link #targetLocation()}; use {@link #targetCount()}
     */
    @Deprecated(since = "0.1.0")
    public Optional<TargetCount> target() {
        return targetCount;
    }

    /**
     * {@return source rows or -1}
     *
     * @deprecated -1 for "not counted"; use {@link #sourceRowCount()}
     */
    @Deprecated(since = "0.1.0")
    public long sourceRows() {
        return sourceRowCount().orElse(-1L);
    }

    /**
     * {@return target rows or -1}
     *
     * @deprecated -1 for "nothing read"; use {@link #targetRowCount()}
     */
    @Deprecated(since = "0.1.0")
    public long targetRows() {
        return targetRowCount().orElse(-1L);
    }
}
