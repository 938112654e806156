package io.dmskit.verify.report;

import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.target.TargetCount;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table's line of the report.
 *
 * @param sourceSchema source schema (null for a table found only on the target)
 * @param sourceTable source table (null for a table found only on the target)
 * @param targetSchema target schema after the task's transformation rules
 * @param targetTable target table after the task's transformation rules
 * @param source the source count, empty when not counted (extra on target, error)
 * @param target the target count, empty when no target was read
 * @param dms DMS's table statistics, when a DMS client and task were given
 * @param difference target rows − source rows (0 when either side is missing)
 * @param status the outcome
 * @param notes what a reader should know (filters applied, estimates, header rows, DMS counters that disagree)
 * @param error the error message for {@link VerificationStatus#ERROR}
 */
public record TableVerification(String sourceSchema, String sourceTable, String targetSchema, String targetTable,
                                Optional<SourceCount> source, Optional<TargetCount> target,
                                Optional<DmsTableStatistics> dms, long difference, VerificationStatus status,
                                List<String> notes, Optional<String> error) {

    /** Validates and copies. */
    public TableVerification {
        Objects.requireNonNull(targetSchema, "targetSchema");
        Objects.requireNonNull(targetTable, "targetTable");
        Objects.requireNonNull(status, "status");
        notes = List.copyOf(notes);
    }

    /** @return {@code schema.table} on the source, or the target name when there is no source table */
    public String name() {
        return sourceTable == null ? targetSchema + "." + targetTable : sourceSchema + "." + sourceTable;
    }

    /** @return where the target count was read, or "(not read)" */
    public String targetLocation() {
        return target.map(TargetCount::location).orElse("(not read)");
    }

    /** @return source rows or -1 */
    public long sourceRows() {
        return source.map(SourceCount::rows).orElse(-1L);
    }

    /** @return target rows or -1 */
    public long targetRows() {
        return target.filter(TargetCount::exists).map(TargetCount::rows).orElse(-1L);
    }
}
