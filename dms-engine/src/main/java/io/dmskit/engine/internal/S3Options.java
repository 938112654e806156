package io.dmskit.engine.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * The S3 target settings the local engine honours, with DMS's defaults filled in (dms-json-formats.md §9).
 *
 * @param bucket BucketName
 * @param folder BucketFolder without leading/trailing slashes, empty when unset
 * @param parquet DataFormat parquet
 * @param gzip CompressionType gzip
 * @param delimiter CsvDelimiter
 * @param rowDelimiter CsvRowDelimiter
 * @param nullValue CsvNullValue (empty string by default)
 * @param rfc4180 quote fields holding delimiters, quotes or line breaks
 * @param includeOpForFullLoad IncludeOpForFullLoad
 * @param cdcInsertsOnly CdcInsertsOnly
 * @param cdcInsertsAndUpdates CdcInsertsAndUpdates
 * @param timestampColumn TimestampColumnName, null when unset
 * @param useTaskStartTime UseTaskStartTimeForFullLoadTimestamp
 * @param addColumnName AddColumnName (CSV header row)
 * @param maxFileSizeBytes MaxFileSize in bytes
 * @param cdcMaxBatchInterval CdcMaxBatchInterval
 * @param cdcMinFileSizeBytes CdcMinFileSize in bytes
 * @param datePartitionEnabled DatePartitionEnabled
 * @param datePartitionSequence DatePartitionSequence
 * @param datePartitionDelimiter DatePartitionDelimiter
 * @param zone DatePartitionTimezone (UTC by default), also used in CDC file names
 * @param preserveTransactions PreserveTransactions
 * @param cdcPath CdcPath, null when unset
 * @param rowGroupLength Parquet RowGroupLength
 * @param parquetTimestampMillis ParquetTimestampInMillisecond
 */
public record S3Options(String bucket, String folder, boolean parquet, boolean gzip, String delimiter,
                        String rowDelimiter, String nullValue, boolean rfc4180, boolean includeOpForFullLoad,
                        boolean cdcInsertsOnly, boolean cdcInsertsAndUpdates, String timestampColumn,
                        boolean useTaskStartTime, boolean addColumnName, long maxFileSizeBytes,
                        Duration cdcMaxBatchInterval, long cdcMinFileSizeBytes, boolean datePartitionEnabled,
                        String datePartitionSequence, String datePartitionDelimiter, ZoneId zone,
                        boolean preserveTransactions, String cdcPath, int rowGroupLength,
                        boolean parquetTimestampMillis) {

    /**
     * @param s the endpoint's S3Settings
     * @return the options
     * @throws EngineException listing every setting the engine cannot work with
     */
    public static S3Options of(S3Settings s) {
        List<String> problems = new ArrayList<>();
        if (s == null || s.bucketName() == null || s.bucketName().isBlank()) {
            throw new EngineException("S3 target endpoint has no BucketName");
        }
        String format = lower(s.dataFormatAsString(), "csv");
        if (!format.equals("csv") && !format.equals("parquet")) {
            problems.add("DataFormat '" + s.dataFormatAsString() + "' (csv or parquet)");
        }
        String compression = lower(s.compressionTypeAsString(), "none");
        if (!compression.equals("none") && !compression.equals("gzip")) {
            problems.add("CompressionType '" + s.compressionTypeAsString() + "' (none or gzip)");
        }
        ZoneId zone = ZoneId.of("UTC");
        if (s.datePartitionTimezone() != null && !s.datePartitionTimezone().isBlank()) {
            try {
                zone = ZoneId.of(s.datePartitionTimezone());
            } catch (RuntimeException e) {
                problems.add("DatePartitionTimezone '" + s.datePartitionTimezone() + "' (Area/Location)");
            }
        }
        int maxFileKb = s.maxFileSize() == null ? 1_048_576 : s.maxFileSize();
        if (maxFileKb < 1 || maxFileKb > 1_048_576) {
            problems.add("MaxFileSize " + maxFileKb + " (1..1048576 KB)");
        }
        if (Boolean.TRUE.equals(s.cdcInsertsOnly()) && Boolean.TRUE.equals(s.cdcInsertsAndUpdates())) {
            problems.add("CdcInsertsOnly and CdcInsertsAndUpdates are mutually exclusive");
        }
        if (Boolean.TRUE.equals(s.preserveTransactions()) && (s.cdcPath() == null || s.cdcPath().isBlank())) {
            problems.add("PreserveTransactions needs CdcPath");
        }
        if (!problems.isEmpty()) {
            throw new EngineException("S3 target settings not supported: " + String.join("; ", problems));
        }
        String folder = s.bucketFolder() == null ? "" : trimSlashes(s.bucketFolder());
        return new S3Options(s.bucketName(), folder, format.equals("parquet"), compression.equals("gzip"),
                unescape(s.csvDelimiter(), ","), unescape(s.csvRowDelimiter(), "\n"),
                s.csvNullValue() == null ? "" : s.csvNullValue(), !Boolean.FALSE.equals(s.rfc4180()),
                Boolean.TRUE.equals(s.includeOpForFullLoad()), Boolean.TRUE.equals(s.cdcInsertsOnly()),
                Boolean.TRUE.equals(s.cdcInsertsAndUpdates()),
                s.timestampColumnName() == null || s.timestampColumnName().isBlank() ? null : s.timestampColumnName(),
                Boolean.TRUE.equals(s.useTaskStartTimeForFullLoadTimestamp()), Boolean.TRUE.equals(s.addColumnName()),
                maxFileKb * 1024L,
                Duration.ofSeconds(s.cdcMaxBatchInterval() == null ? 60 : Math.max(0, s.cdcMaxBatchInterval())),
                (s.cdcMinFileSize() == null ? 32_000L : Math.max(1, s.cdcMinFileSize())) * 1024L,
                Boolean.TRUE.equals(s.datePartitionEnabled()),
                s.datePartitionSequenceAsString() == null ? "YYYYMMDD" : s.datePartitionSequenceAsString().toUpperCase(Locale.ROOT),
                s.datePartitionDelimiterAsString() == null ? "SLASH" : s.datePartitionDelimiterAsString().toUpperCase(Locale.ROOT),
                zone, Boolean.TRUE.equals(s.preserveTransactions()),
                s.cdcPath() == null || s.cdcPath().isBlank() ? null : trimSlashes(s.cdcPath()),
                s.rowGroupLength() == null || s.rowGroupLength() <= 0 ? 10_000 : Math.min(s.rowGroupLength(), 64 * 1024 * 1024),
                Boolean.TRUE.equals(s.parquetTimestampInMillisecond()));
    }

    private static String lower(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String trimSlashes(String s) {
        String t = s.trim();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Users pass delimiters both as the character and as its escape ({@code "\\n"}, {@code "\\t"}). */
    static String unescape(String v, String dflt) {
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        return v.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    /** @return {@code [folder/]schema/table/} */
    public String tablePrefix(String schema, String table) {
        return (folder.isEmpty() ? "" : folder + "/") + schema + "/" + table + "/";
    }

    /** @return the file extension: {@code .csv}, {@code .csv.gz} or {@code .parquet} */
    public String extension() {
        return parquet ? ".parquet" : gzip ? ".csv.gz" : ".csv";
    }

    /** @return whether CDC rows carry the Op field (dms-json-formats.md §10.3) */
    public boolean cdcOpColumn() {
        return !cdcInsertsOnly || includeOpForFullLoad;
    }

    /** @return whether a CDC operation is written at all */
    public boolean writes(char op) {
        if (cdcInsertsOnly) {
            return op == 'I';
        }
        if (cdcInsertsAndUpdates) {
            return op != 'D';
        }
        return true;
    }
}
