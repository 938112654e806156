package io.dmskit.verify.internal.s3;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a key under a DMS table folder holds, judged from its file name. */
public enum DmsObjectKind {
    /** {@code LOAD########.csv}, {@code SEGMENT<n>_LOAD…}, in any sub-folder (parallel-load partitions). */
    FULL_LOAD,
    /** Timestamp-named CDC file such as {@code 20240809-192717787.csv}, also under date-partition folders. */
    CDC,
    /** {@code CDC_TXN-<timestamp>.csv} under {@code CdcPath}. */
    CDC_TXN,
    /** Anything else (folder markers, {@code .dfm} files, ...): not counted. */
    OTHER;

    private static final Pattern LOAD = Pattern.compile("(?i)(SEGMENT\\d+_)?LOAD[0-9A-F]+(\\..*)?");
    private static final Pattern CDC_NAME = Pattern.compile("\\d{8}[-_]?\\d*(\\..*)?");
    private static final Pattern TXN = Pattern.compile("(?i)CDC_TXN-\\d+(\\..*)?");

    /** @return the kind of the object with this key */
    public static DmsObjectKind of(String key) {
        if (key.endsWith("/")) {
            return OTHER;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!isDataFile(name)) {
            return OTHER;
        }
        if (LOAD.matcher(name).matches()) {
            return FULL_LOAD;
        }
        if (TXN.matcher(name).matches()) {
            return CDC_TXN;
        }
        if (CDC_NAME.matcher(name).matches()) {
            return CDC;
        }
        return OTHER;
    }

    /** @return whether the name has an extension DMS gives data files (csv, parquet, gz, or none) */
    static boolean isDataFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.indexOf('.');
        if (dot < 0) {
            return true;
        }
        String ext = n.substring(dot + 1);
        return ext.equals("csv") || ext.equals("csv.gz") || ext.equals("gz") || ext.equals("parquet")
                || ext.equals("parquet.gz") || ext.equals("txt") || ext.equals("tsv");
    }

    /** @return whether the key names a Parquet object */
    public static boolean isParquetName(String key) {
        String n = key.toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parquet.gz");
    }
}
