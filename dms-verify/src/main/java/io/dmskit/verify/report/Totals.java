package io.dmskit.verify.report;

import io.dmskit.verify.internal.Checks;
import java.util.Map;

/**
 * Sums over the report.
 *
 * @param tables tables in the report
 * @param sourceRows sum of source counts
 * @param targetRows sum of target counts
 * @param byStatus number of tables per status (every status present, possibly 0)
 */
public record Totals(int tables, long sourceRows, long targetRows, Map<VerificationStatus, Integer> byStatus) {

    /** Copies. */
    public Totals {
        byStatus = Checks.copyOf(byStatus, "byStatus", "Totals");
    }

    /** {@return tables with this status} */
    public int count(VerificationStatus status) {
        return byStatus.getOrDefault(status, 0);
    }
}
