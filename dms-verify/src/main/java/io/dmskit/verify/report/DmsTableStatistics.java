package io.dmskit.verify.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The counters DMS reports for a table ({@code DescribeTableStatistics}).
 *
 * @param schema DMS's schema name
 * @param table DMS's table name
 * @param fullLoadRows {@code FullLoadRows}
 * @param inserts {@code Inserts}
 * @param updates {@code Updates}
 * @param deletes {@code Deletes}
 * @param tableState {@code TableState}, e.g. "Table completed"
 * @param validationState {@code ValidationState}, e.g. "Not enabled", or null
 */
public record DmsTableStatistics(String schema, String table, long fullLoadRows, long inserts, long updates,
                                 long deletes, String tableState, String validationState) {

    /** {@return rows DMS's counters imply: full load + inserts − deletes} */
    public long impliedRows() {
        return fullLoadRows + inserts - deletes;
    }

    /** {@return whether DMS is still loading the table (before load, full load, reloading)} */
    public boolean isLoading() {
        String s = tableState == null ? "" : tableState.toLowerCase(Locale.ROOT);
        return s.equals("before load") || s.equals("full load") || s.contains("being reloaded")
                || s.contains("in progress");
    }

    /** {@return whether DMS reports the table's full load as done ({@code Table completed})} */
    public boolean isCompleted() {
        return tableState != null && tableState.trim().equalsIgnoreCase("Table completed");
    }

    /**
     * {@return whether any counter (FullLoadRows, Inserts, Updates, Deletes) changed since {@code earlier}: DMS is
     * still loading or applying changes to this table}
     *
     * @param earlier the same table's statistics read before
     */
    public boolean hasAdvancedSince(DmsTableStatistics earlier) {
        return earlier != null && (fullLoadRows != earlier.fullLoadRows || inserts != earlier.inserts
                || updates != earlier.updates || deletes != earlier.deletes);
    }

    /** {@return whether DMS reports an error or cancellation for the table} */
    public boolean isFailed() {
        String s = tableState == null ? "" : tableState.toLowerCase(Locale.ROOT);
        return s.contains("error") || s.contains("cancelled") || s.contains("does not exist");
    }

    /** {@return the validation state when present} */
    public Optional<String> validation() {
        return Optional.ofNullable(validationState);
    }
}
