package io.dmskit.verify.report;

import io.dmskit.verify.internal.Checks;

import java.util.List;
import java.util.OptionalInt;

/**
 * What content verification found for one table: totals of each kind of difference, up to the configured number of
 * sample rows, and how the work was done. Attached to the table's {@link TableVerification#content()}.
 *
 * <pre>{@code
 * TableContent c = report.tables().get(0).content().orElseThrow();
 * if (!c.matches()) {
 *     System.out.println(c.missingOnTarget() + " missing, " + c.samples());
 * }
 * }</pre>
 *
 * @param sourceRows rows on the source (after the task's filter)
 * @param targetRows rows on the target
 * @param missingOnTarget keys on the source and not on the target
 * @param extraOnTarget keys on the target and not on the source
 * @param differing keys on both whose values differ (other than LOB truncation)
 * @param lobTruncated keys on both whose only differences are LOBs cut short on the target
 * @param samples the first differing rows, in key order, at most the configured sample limit
 * @param primaryKey whether rows were matched by primary key (false: compared as multisets of whole rows)
 * @param lobMaxSizeKb the task's LobMaxSize in KB when it runs in limited LOB mode
 * @param checksumQueries checksum queries run on both sides together (0 when one side was summarised in Java)
 * @param rowsFetched rows fetched to compare row by row, both sides together
 * @param notes what a reader should know (columns not compared and why, where digests were computed)
 */
public record TableContent(long sourceRows, long targetRows, long missingOnTarget, long extraOnTarget, long differing,
                           long lobTruncated, List<ContentDifference> samples, boolean primaryKey,
                           OptionalInt lobMaxSizeKb, long checksumQueries, long rowsFetched, List<String> notes) {

    /** Validates and copies. */
    public TableContent {
        samples = Checks.copyOf(samples, "samples", "TableContent");
        Checks.require(lobMaxSizeKb, "lobMaxSizeKb", "TableContent");
        notes = Checks.copyOf(notes, "notes", "TableContent");
    }

    /**
     * {@return whether the target holds exactly the source's rows}
     */
    public boolean matches() {
        return missingOnTarget == 0 && extraOnTarget == 0 && differing == 0 && lobTruncated == 0;
    }

    /**
     * {@return whether LOB truncation is the only difference}
     */
    public boolean onlyLobTruncation() {
        return lobTruncated > 0 && missingOnTarget == 0 && extraOnTarget == 0 && differing == 0;
    }

    /**
     * {@return every difference counted, all kinds together}
     */
    public long totalDifferences() {
        return missingOnTarget + extraOnTarget + differing + lobTruncated;
    }

    /**
     * {@return one line: the totals, e.g. {@code 2 missing on target, 1 extra, 3 differing}}
     */
    public String summary() {
        if (matches()) {
            return "content matches (" + sourceRows + " rows" + (primaryKey ? "" : ", compared as multisets") + ")";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, missingOnTarget, "missing on target");
        append(sb, extraOnTarget, "extra on target");
        append(sb, differing, "differing");
        if (lobTruncated > 0) {
            append(sb, lobTruncated, "with LOBs truncated" + lobMaxSizeKb.stream()
                    .mapToObj(k -> " at LobMaxSize " + k + " KB (limited LOB mode)").findFirst().orElse(""));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n, String what) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(what);
        }
    }
}
