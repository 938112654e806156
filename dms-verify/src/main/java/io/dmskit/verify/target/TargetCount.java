package io.dmskit.verify.target;

import io.dmskit.verify.internal.Checks;
import java.util.List;
import java.util.OptionalLong;

/**
 * What was found on the target for one table.
 *
 * @param location where the rows were looked for, e.g. {@code s3://bucket/folder/sales/orders/} or
 *                 {@code jdbc target: "public"."orders"}
 * @param exists whether anything was there (a folder with data files, or the table)
 * @param rows the row count to compare with the source: for S3 the net count (full load + inserts − deletes),
 *             for a database {@code COUNT(*)}
 * @param fullLoadRows rows in full-load files (S3), or -1 when not applicable
 * @param inserts CDC inserts (S3), or -1
 * @param updates CDC updates (S3), or -1
 * @param deletes CDC deletes (S3), or -1
 * @param fullLoadObjects number of full-load objects read
 * @param cdcObjects number of CDC objects read (table folder plus transaction files that mention the table)
 * @param bytesRead bytes fetched from S3 for this table
 * @param getRequests GET requests made for this table
 * @param notes remarks on how the count was made (ignored objects, header rows found, ...)
 */
public record TargetCount(String location, boolean exists, long rows, long fullLoadRows, long inserts, long updates,
                          long deletes, long fullLoadObjects, long cdcObjects, long bytesRead, long getRequests,
                          List<String> notes) {

    /** Validates and copies. */
    public TargetCount {
        Checks.require(location, "location", "TargetCount");
        notes = Checks.copyOf(notes, "notes", "TargetCount");
    }

    /** {@return a database count} */
    public static TargetCount ofDatabase(String location, boolean exists, long rows) {
        return new TargetCount(location, exists, rows, -1, -1, -1, -1, 0, 0, 0, 0, List.of());
    }

    /** {@return whether this count has the S3 breakdown (full load, inserts, updates, deletes)} */
    public boolean hasCdcBreakdown() {
        return fullLoadRows >= 0;
    }

    /** {@return full-load rows when known} */
    public OptionalLong fullLoad() {
        return fullLoadRows >= 0 ? OptionalLong.of(fullLoadRows) : OptionalLong.empty();
    }
}
