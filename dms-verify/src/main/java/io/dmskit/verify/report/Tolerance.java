package io.dmskit.verify.report;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.verify.internal.Checks;
/**
 * How far source and target may differ and still be a {@link VerificationStatus#MATCH}, for CDC lag on a live
 * source: an absolute number of rows and/or a fraction of the source count (the larger allowance wins).
 *
 * @param rows allowed absolute difference (≥ 0)
 * @param fraction allowed relative difference, e.g. 0.001 for 0.1 % (≥ 0)
 */
public record Tolerance(long rows, double fraction) {

    /** No difference allowed. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    /**
     * Validates.
     *
     * @throws InvalidDefinitionException listing each invalid component: rows below 0, a fraction below 0, NaN or
     *     infinite
     */
    public Tolerance {
        Checks.Problems p = new Checks.Problems("Tolerance");
        p.add(rows < 0, "rows", "tolerance rows must be >= 0, was " + rows);
        p.add(!(fraction >= 0) || Double.isInfinite(fraction), "fraction",
                "tolerance fraction must be a finite number >= 0, was " + fraction);
        p.throwIfAny();
    }

    /**
     * {@return a tolerance of an absolute number of rows}
     *
     * @param rows allowed absolute difference (&ge; 0)
     * @throws InvalidDefinitionException when rows is negative
     */
    public static Tolerance rows(long rows) {
        return new Tolerance(rows, 0);
    }

    /**
     * {@return a tolerance of a percentage of the source count}
     *
     * @param percent allowed difference in percent of the source count (finite, &ge; 0)
     * @throws InvalidDefinitionException when percent is negative, NaN or infinite
     */
    public static Tolerance percent(double percent) {
        return new Tolerance(0, percent / 100.0);
    }

    /** {@return whether {@code difference} is allowed for a table with {@code sourceRows} rows} */
    public boolean allows(long sourceRows, long difference) {
        long allowed = Math.max(rows, (long) Math.floor(Math.abs(sourceRows) * fraction));
        return Math.abs(difference) <= allowed;
    }

    /** {@return whether any difference is allowed} */
    public boolean isExact() {
        return rows == 0 && fraction == 0;
    }

    @Override
    public String toString() {
        if (isExact()) {
            return "exact";
        }
        return (rows > 0 ? rows + " rows" : "") + (rows > 0 && fraction > 0 ? " or " : "")
                + (fraction > 0 ? (fraction * 100) + " %" : "");
    }
}
