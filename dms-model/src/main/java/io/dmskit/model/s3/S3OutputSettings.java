package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * An S3 target as DMS writes it: the endpoint's {@code S3Settings} with DMS's documented defaults filled in
 * (dms-json-formats.md §9). The local engine writes with these settings and dms-verify reads with them.
 *
 * <pre>{@code
 * S3OutputSettings s = S3OutputSettings.from(describedEndpoint.s3Settings());      // as DescribeEndpoints echoes it
 * S3OutputSettings t = S3OutputSettings.of(b -> b.bucketName("raw").bucketFolder("hub")
 *         .dataFormat(S3DataFormat.PARQUET));
 * }</pre>
 */
public final class S3OutputSettings {

    /** Largest {@code MaxFileSize}, and its default, in KB (1 GB). */
    public static final int MAX_FILE_SIZE_KB = 1_048_576;

    private final String bucketName;
    private final String bucketFolder;
    private final S3DataFormat dataFormat;
    private final boolean gzip;
    private final String csvDelimiter;
    private final String csvRowDelimiter;
    private final String csvNullValue;
    private final boolean rfc4180;
    private final boolean addColumnName;
    private final boolean includeOpForFullLoad;
    private final boolean cdcInsertsOnly;
    private final boolean cdcInsertsAndUpdates;
    private final String timestampColumnName;
    private final boolean useTaskStartTimeForFullLoadTimestamp;
    private final int maxFileSizeKb;
    private final Duration cdcMaxBatchInterval;
    private final int cdcMinFileSizeKb;
    private final boolean datePartitionEnabled;
    private final DatePartitionSequence datePartitionSequence;
    private final DatePartitionDelimiter datePartitionDelimiter;
    private final ZoneId datePartitionTimezone;
    private final boolean preserveTransactions;
    private final String cdcPath;
    private final int rowGroupLength;
    private final boolean parquetTimestampInMillisecond;
    private final String csvNoSupValue;

    private S3OutputSettings(Builder b) {
        this.bucketName = b.bucketName;
        this.bucketFolder = trimSlashesOf(b.bucketFolder);
        this.dataFormat = b.dataFormat;
        this.gzip = b.gzip;
        this.csvDelimiter = b.csvDelimiter;
        this.csvRowDelimiter = b.csvRowDelimiter;
        this.csvNullValue = b.csvNullValue;
        this.rfc4180 = b.rfc4180;
        this.addColumnName = b.addColumnName;
        this.includeOpForFullLoad = b.includeOpForFullLoad;
        this.cdcInsertsOnly = b.cdcInsertsOnly;
        this.cdcInsertsAndUpdates = b.cdcInsertsAndUpdates;
        this.timestampColumnName = blankToNull(b.timestampColumnName);
        this.useTaskStartTimeForFullLoadTimestamp = b.useTaskStartTimeForFullLoadTimestamp;
        this.maxFileSizeKb = b.maxFileSizeKb;
        this.cdcMaxBatchInterval = b.cdcMaxBatchInterval;
        this.cdcMinFileSizeKb = b.cdcMinFileSizeKb;
        this.datePartitionEnabled = b.datePartitionEnabled;
        this.datePartitionSequence = b.datePartitionSequence;
        this.datePartitionDelimiter = b.datePartitionDelimiter;
        this.datePartitionTimezone = b.datePartitionTimezone;
        this.preserveTransactions = b.preserveTransactions;
        this.cdcPath = trimSlashesOf(b.cdcPath);
        this.rowGroupLength = b.rowGroupLength;
        this.parquetTimestampInMillisecond = b.parquetTimestampInMillisecond;
        this.csvNoSupValue = b.csvNoSupValue;
    }

    /** {@return a builder holding DMS's defaults; only the bucket name must be set} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the settings}
     *
     * @param spec sets what differs from DMS's defaults
     * @throws S3FormatException listing every unsupported value
     */
    public static S3OutputSettings of(Consumer<Builder> spec) {
        Builder b = builder();
        Args.required(spec, "S3OutputSettings.of: spec").accept(b);
        return b.build();
    }

    /**
     * Reads an endpoint's SDK {@code S3Settings}, e.g. as {@code DescribeEndpoints} echoes them: settings left out
     * take DMS's defaults, enum values are accepted in any case and with {@code _} or {@code -}, and delimiters
     * echoed escaped ({@code \n} as backslash and {@code n}) are unescaped ({@link #unescapeDelimiter(String)}).
     *
     * @param s the endpoint's S3 settings
     * @return the settings
     * @throws S3FormatException listing every value DMS's S3 output format has no meaning for
     */
    public static S3OutputSettings from(S3Settings s) {
        return fromSdk(s).build();
    }

    /**
     * Reads an endpoint's SDK {@code S3Settings} the way a reader of its output needs them (dms-verify). Values that
     * only steer how DMS writes, or that DMS itself would refuse, cannot make the written objects unreadable, so they
     * fall back to DMS's defaults instead of failing: {@code MaxFileSize}, {@code CdcMaxBatchInterval} and
     * {@code CdcMinFileSize} out of range, a {@code CompressionType} other than gzip (objects are recognised as gzip by
     * their first bytes anyway), an unknown {@code DatePartitionSequence}, {@code DatePartitionDelimiter} or
     * {@code DatePartitionTimezone} (objects are found under the table folder whatever their partition folders),
     * {@code PreserveTransactions} without {@code CdcPath}, {@code Rfc4180} with a quote in a delimiter (read
     * unquoted), and a {@code CsvNullValue} that contains a delimiter (read as the default). What does make the output
     * unreadable still fails: no bucket, an unknown {@code DataFormat}, equal or empty delimiters.
     *
     * @param s the endpoint's S3 settings, as DescribeEndpoints echoes them
     * @return the settings a reader should use
     * @throws S3FormatException listing every value that makes the output unreadable
     */
    public static S3OutputSettings forReading(S3Settings s) {
        return SdkSettingsReader.forReading(s);
    }

    /**
     * Like {@link #from(S3Settings)}, returning the builder so that a caller can adjust it before building.
     *
     * @param s the endpoint's S3 settings
     * @return a builder pre-filled from them
     * @throws S3FormatException listing every value that cannot be read
     */
    public static Builder fromSdk(S3Settings s) {
        return SdkSettingsReader.fromSdk(s);
    }

    /**
     * Turns a delimiter as DMS echoes it into the characters it stands for: {@code \n} (backslash, n) becomes a line
     * feed, {@code \r} a carriage return, {@code \t} a tab and {@code \\} one backslash; anything else, including a
     * backslash before another character or at the end, is kept. Plain values ({@code ,}, a real line feed) come back
     * unchanged.
     *
     * @param value a {@code CsvDelimiter} / {@code CsvRowDelimiter} value; null gives null
     * @return the unescaped value
     */
    public static String unescapeDelimiter(String value) {
        return SdkSettingsReader.unescapeDelimiter(value);
    }

    /** {@return a builder holding these settings} */
    public Builder toBuilder() {
        return builder().bucketName(bucketName).bucketFolder(bucketFolder).dataFormat(dataFormat).gzip(gzip)
                .csvDelimiter(csvDelimiter).csvRowDelimiter(csvRowDelimiter).csvNullValue(csvNullValue)
                .rfc4180(rfc4180).addColumnName(addColumnName).includeOpForFullLoad(includeOpForFullLoad)
                .cdcInsertsOnly(cdcInsertsOnly).cdcInsertsAndUpdates(cdcInsertsAndUpdates)
                .timestampColumnName(timestampColumnName)
                .useTaskStartTimeForFullLoadTimestamp(useTaskStartTimeForFullLoadTimestamp)
                .maxFileSizeKb(maxFileSizeKb).cdcMaxBatchInterval(cdcMaxBatchInterval)
                .cdcMinFileSizeKb(cdcMinFileSizeKb).datePartitionEnabled(datePartitionEnabled)
                .datePartitionSequence(datePartitionSequence).datePartitionDelimiter(datePartitionDelimiter)
                .datePartitionTimezone(datePartitionTimezone).preserveTransactions(preserveTransactions)
                .cdcPath(cdcPath).rowGroupLength(rowGroupLength)
                .parquetTimestampInMillisecond(parquetTimestampInMillisecond).csvNoSupValue(csvNoSupValue);
    }

    /** {@return {@code BucketName}} */
    public String bucketName() {
        return bucketName;
    }

    /** {@return {@code BucketFolder} without leading or trailing slashes, if set} */
    public Optional<String> bucketFolder() {
        return Optional.ofNullable(bucketFolder);
    }

    /** {@return {@code DataFormat} (default CSV)} */
    public S3DataFormat dataFormat() {
        return dataFormat;
    }

    /** {@return whether {@code DataFormat} is parquet} */
    public boolean parquet() {
        return dataFormat == S3DataFormat.PARQUET;
    }

    /** {@return whether {@code CompressionType} is gzip (default none)} */
    public boolean gzip() {
        return gzip;
    }

    /** {@return {@code CsvDelimiter}, unescaped (default {@code ,})} */
    public String csvDelimiter() {
        return csvDelimiter;
    }

    /** {@return {@code CsvRowDelimiter}, unescaped (default a line feed)} */
    public String csvRowDelimiter() {
        return csvRowDelimiter;
    }

    /** {@return {@code CsvNullValue}: what stands for NULL (default the empty string)} */
    public String csvNullValue() {
        return csvNullValue;
    }

    /** {@return {@code Rfc4180}: whether fields holding delimiters, quotes or line breaks are quoted (default true)} */
    public boolean rfc4180() {
        return rfc4180;
    }

    /** {@return {@code AddColumnName}: whether every CSV file starts with a header row (default false)} */
    public boolean addColumnName() {
        return addColumnName;
    }

    /** {@return {@code IncludeOpForFullLoad} (default false)} */
    public boolean includeOpForFullLoad() {
        return includeOpForFullLoad;
    }

    /** {@return {@code CdcInsertsOnly} (default false)} */
    public boolean cdcInsertsOnly() {
        return cdcInsertsOnly;
    }

    /** {@return {@code CdcInsertsAndUpdates} (default false)} */
    public boolean cdcInsertsAndUpdates() {
        return cdcInsertsAndUpdates;
    }

    /** {@return {@code TimestampColumnName}, if set} */
    public Optional<String> timestampColumnName() {
        return Optional.ofNullable(timestampColumnName);
    }

    /** {@return {@code UseTaskStartTimeForFullLoadTimestamp} (default false)} */
    public boolean useTaskStartTimeForFullLoadTimestamp() {
        return useTaskStartTimeForFullLoadTimestamp;
    }

    /** {@return {@code MaxFileSize} in KB (default 1,048,576)} */
    public int maxFileSizeKb() {
        return maxFileSizeKb;
    }

    /** {@return {@code MaxFileSize} in bytes} */
    public long maxFileSizeBytes() {
        return maxFileSizeKb * 1024L;
    }

    /** {@return {@code CdcMaxBatchInterval} (default 60 seconds)} */
    public Duration cdcMaxBatchInterval() {
        return cdcMaxBatchInterval;
    }

    /** {@return {@code CdcMinFileSize} in KB (default 32,000)} */
    public int cdcMinFileSizeKb() {
        return cdcMinFileSizeKb;
    }

    /** {@return {@code CdcMinFileSize} in bytes} */
    public long cdcMinFileSizeBytes() {
        return cdcMinFileSizeKb * 1024L;
    }

    /** {@return {@code DatePartitionEnabled} (default false)} */
    public boolean datePartitionEnabled() {
        return datePartitionEnabled;
    }

    /** {@return {@code DatePartitionSequence} (default YYYYMMDD)} */
    public DatePartitionSequence datePartitionSequence() {
        return datePartitionSequence;
    }

    /** {@return {@code DatePartitionDelimiter} (default SLASH)} */
    public DatePartitionDelimiter datePartitionDelimiter() {
        return datePartitionDelimiter;
    }

    /** {@return {@code DatePartitionTimezone} (default UTC), also the zone of CDC file names} */
    public ZoneId datePartitionTimezone() {
        return datePartitionTimezone;
    }

    /** {@return {@code PreserveTransactions} (default false)} */
    public boolean preserveTransactions() {
        return preserveTransactions;
    }

    /** {@return {@code CdcPath} without leading or trailing slashes, if set} */
    public Optional<String> cdcPath() {
        return Optional.ofNullable(cdcPath);
    }

    /** {@return Parquet {@code RowGroupLength} in rows (default 10,000)} */
    public int rowGroupLength() {
        return rowGroupLength;
    }

    /** {@return {@code ParquetTimestampInMillisecond} (default false: microseconds)} */
    public boolean parquetTimestampInMillisecond() {
        return parquetTimestampInMillisecond;
    }

    /** {@return {@code CsvNoSupValue} when {@code UseCsvNoSupValue} is set} */
    public Optional<String> csvNoSupValue() {
        return Optional.ofNullable(csvNoSupValue);
    }

    /** {@return the CSV dialect of the data files (CDC_TXN files use it too)} */
    public CsvDialect csvDialect() {
        return CsvDialect.of(csvDelimiter(), csvRowDelimiter(), rfc4180(), csvNullValue(), addColumnName(),
                timestampColumnName().orElse(null), csvNoSupValue().orElse(null));
    }

    /** {@return the object names of this target} */
    public S3ObjectNames objectNames() {
        return S3ObjectNames.of(this);
    }

    /** {@return whether CDC rows carry the Op field (dms-json-formats.md §10.3)} */
    public boolean cdcOpColumn() {
        return !cdcInsertsOnly || includeOpForFullLoad;
    }

    /**
     * {@return whether DMS writes a CDC row for it ({@code CdcInsertsOnly}, {@code CdcInsertsAndUpdates})}
     *
     * @param op the operation, {@code I}, {@code U} or {@code D}
     */
    public boolean writesCdc(char op) {
        if (cdcInsertsOnly) {
            return op == 'I';
        }
        if (cdcInsertsAndUpdates) {
            return op != 'D';
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3OutputSettings s && bucketName.equals(s.bucketName)
                && Objects.equals(bucketFolder, s.bucketFolder) && dataFormat == s.dataFormat && gzip == s.gzip
                && csvDelimiter.equals(s.csvDelimiter) && csvRowDelimiter.equals(s.csvRowDelimiter)
                && csvNullValue.equals(s.csvNullValue) && rfc4180 == s.rfc4180 && addColumnName == s.addColumnName
                && includeOpForFullLoad == s.includeOpForFullLoad && cdcInsertsOnly == s.cdcInsertsOnly
                && cdcInsertsAndUpdates == s.cdcInsertsAndUpdates
                && Objects.equals(timestampColumnName, s.timestampColumnName)
                && useTaskStartTimeForFullLoadTimestamp == s.useTaskStartTimeForFullLoadTimestamp
                && maxFileSizeKb == s.maxFileSizeKb && cdcMaxBatchInterval.equals(s.cdcMaxBatchInterval)
                && cdcMinFileSizeKb == s.cdcMinFileSizeKb && datePartitionEnabled == s.datePartitionEnabled
                && datePartitionSequence == s.datePartitionSequence
                && datePartitionDelimiter == s.datePartitionDelimiter
                && datePartitionTimezone.equals(s.datePartitionTimezone)
                && preserveTransactions == s.preserveTransactions && Objects.equals(cdcPath, s.cdcPath)
                && rowGroupLength == s.rowGroupLength
                && parquetTimestampInMillisecond == s.parquetTimestampInMillisecond
                && Objects.equals(csvNoSupValue, s.csvNoSupValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucketName, bucketFolder, dataFormat, gzip, csvDelimiter, csvRowDelimiter, cdcPath,
                timestampColumnName);
    }

    /** Leaves defaults out: {@code S3OutputSettings{s3://raw/hub/, PARQUET, gzip}}. */
    @Override
    public String toString() {
        S3OutputSettings d = builder().bucketName(bucketName).build();
        StringBuilder s = new StringBuilder("S3OutputSettings{s3://").append(bucketName).append('/');
        bucketFolder().ifPresent(f -> s.append(f).append('/'));
        s.append(", ").append(dataFormat);
        if (gzip) {
            s.append(", gzip");
        }
        if (!csvDelimiter.equals(d.csvDelimiter)) {
            s.append(", csvDelimiter=").append(escape(csvDelimiter));
        }
        if (!csvRowDelimiter.equals(d.csvRowDelimiter)) {
            s.append(", csvRowDelimiter=").append(escape(csvRowDelimiter));
        }
        if (!rfc4180) {
            s.append(", rfc4180=false");
        }
        if (addColumnName) {
            s.append(", addColumnName");
        }
        if (includeOpForFullLoad) {
            s.append(", includeOpForFullLoad");
        }
        if (cdcInsertsOnly) {
            s.append(", cdcInsertsOnly");
        }
        if (cdcInsertsAndUpdates) {
            s.append(", cdcInsertsAndUpdates");
        }
        timestampColumnName().ifPresent(t -> s.append(", timestampColumnName=").append(t));
        if (datePartitionEnabled) {
            s.append(", datePartition=").append(datePartitionSequence).append('/').append(datePartitionDelimiter)
                    .append('/').append(datePartitionTimezone);
        }
        if (preserveTransactions) {
            s.append(", cdcPath=").append(cdcPath);
        }
        return s.append('}').toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    static String trimSlashesOf(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.isEmpty() ? null : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Builder holding DMS's defaults; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private String bucketName;
        private String bucketFolder;
        private S3DataFormat dataFormat = S3DataFormat.CSV;
        private boolean gzip;
        private String csvDelimiter = ",";
        private String csvRowDelimiter = "\n";
        private String csvNullValue = "";
        private boolean rfc4180 = true;
        private boolean addColumnName;
        private boolean includeOpForFullLoad;
        private boolean cdcInsertsOnly;
        private boolean cdcInsertsAndUpdates;
        private String timestampColumnName;
        private boolean useTaskStartTimeForFullLoadTimestamp;
        private int maxFileSizeKb = MAX_FILE_SIZE_KB;
        private Duration cdcMaxBatchInterval = Duration.ofSeconds(60);
        private int cdcMinFileSizeKb = 32_000;
        private boolean datePartitionEnabled;
        private DatePartitionSequence datePartitionSequence = DatePartitionSequence.YYYYMMDD;
        private DatePartitionDelimiter datePartitionDelimiter = DatePartitionDelimiter.SLASH;
        private ZoneId datePartitionTimezone = ZoneOffset.UTC;
        private boolean preserveTransactions;
        private String cdcPath;
        private int rowGroupLength = 10_000;
        private boolean parquetTimestampInMillisecond;
        private String csvNoSupValue;

        private Builder() {
        }

        /**
         * Sets {@code bucketName}: {@code BucketName} (required).
         *
         * @param v {@code BucketName} (required)
         * @return this
         */
        public Builder bucketName(String v) {
            this.bucketName = v;
            return this;
        }

        /**
         * Sets {@code bucketFolder}: {@code BucketFolder}, or null; slashes at either end are dropped.
         *
         * @param v {@code BucketFolder}, or null; slashes at either end are dropped
         * @return this
         */
        public Builder bucketFolder(String v) {
            this.bucketFolder = v;
            return this;
        }

        /**
         * Sets {@code dataFormat}: {@code DataFormat} (default CSV).
         *
         * @param v {@code DataFormat} (default CSV)
         * @return this
         */
        public Builder dataFormat(S3DataFormat v) {
            this.dataFormat = v;
            return this;
        }

        /**
         * Sets {@code gzip}: {@code CompressionType} gzip (true) or none (false, the default).
         *
         * @param v {@code CompressionType} gzip (true) or none (false, the default)
         * @return this
         */
        public Builder gzip(boolean v) {
            this.gzip = v;
            return this;
        }

        /**
         * Sets {@code csvDelimiter}: {@code CsvDelimiter}, the characters themselves (default {@code ,}).
         *
         * @param v {@code CsvDelimiter}, the characters themselves (default {@code ,})
         * @return this
         */
        public Builder csvDelimiter(String v) {
            this.csvDelimiter = v;
            return this;
        }

        /**
         * Sets {@code csvRowDelimiter}: {@code CsvRowDelimiter}, the characters themselves (default a line feed).
         *
         * @param v {@code CsvRowDelimiter}, the characters themselves (default a line feed)
         * @return this
         */
        public Builder csvRowDelimiter(String v) {
            this.csvRowDelimiter = v;
            return this;
        }

        /**
         * Sets {@code csvNullValue}: {@code CsvNullValue} (default the empty string).
         *
         * @param v {@code CsvNullValue} (default the empty string)
         * @return this
         */
        public Builder csvNullValue(String v) {
            this.csvNullValue = v;
            return this;
        }

        /**
         * Sets {@code rfc4180}: {@code Rfc4180} (default true).
         *
         * @param v {@code Rfc4180} (default true)
         * @return this
         */
        public Builder rfc4180(boolean v) {
            this.rfc4180 = v;
            return this;
        }

        /**
         * Sets {@code addColumnName}: {@code AddColumnName} (default false).
         *
         * @param v {@code AddColumnName} (default false)
         * @return this
         */
        public Builder addColumnName(boolean v) {
            this.addColumnName = v;
            return this;
        }

        /**
         * Sets {@code includeOpForFullLoad}: {@code IncludeOpForFullLoad} (default false).
         *
         * @param v {@code IncludeOpForFullLoad} (default false)
         * @return this
         */
        public Builder includeOpForFullLoad(boolean v) {
            this.includeOpForFullLoad = v;
            return this;
        }

        /**
         * Sets {@code cdcInsertsOnly}: {@code CdcInsertsOnly} (default false).
         *
         * @param v {@code CdcInsertsOnly} (default false)
         * @return this
         */
        public Builder cdcInsertsOnly(boolean v) {
            this.cdcInsertsOnly = v;
            return this;
        }

        /**
         * Sets {@code cdcInsertsAndUpdates}: {@code CdcInsertsAndUpdates} (default false).
         *
         * @param v {@code CdcInsertsAndUpdates} (default false)
         * @return this
         */
        public Builder cdcInsertsAndUpdates(boolean v) {
            this.cdcInsertsAndUpdates = v;
            return this;
        }

        /**
         * Sets {@code timestampColumnName}: {@code TimestampColumnName}, or null.
         *
         * @param v {@code TimestampColumnName}, or null
         * @return this
         */
        public Builder timestampColumnName(String v) {
            this.timestampColumnName = v;
            return this;
        }

        /**
         * Sets {@code useTaskStartTimeForFullLoadTimestamp}: {@code UseTaskStartTimeForFullLoadTimestamp} (default false).
         *
         * @param v {@code UseTaskStartTimeForFullLoadTimestamp} (default false)
         * @return this
         */
        public Builder useTaskStartTimeForFullLoadTimestamp(boolean v) {
            this.useTaskStartTimeForFullLoadTimestamp = v;
            return this;
        }

        /**
         * Sets {@code maxFileSizeKb}: {@code MaxFileSize} in KB, 1..1,048,576 (default 1,048,576).
         *
         * @param v {@code MaxFileSize} in KB, 1..1,048,576 (default 1,048,576)
         * @return this
         */
        public Builder maxFileSizeKb(int v) {
            this.maxFileSizeKb = v;
            return this;
        }

        /**
         * Sets {@code cdcMaxBatchInterval}: {@code CdcMaxBatchInterval} (default 60 s).
         *
         * @param v {@code CdcMaxBatchInterval} (default 60 s)
         * @return this
         */
        public Builder cdcMaxBatchInterval(Duration v) {
            this.cdcMaxBatchInterval = v;
            return this;
        }

        /**
         * Sets {@code cdcMinFileSizeKb}: {@code CdcMinFileSize} in KB (default 32,000).
         *
         * @param v {@code CdcMinFileSize} in KB (default 32,000)
         * @return this
         */
        public Builder cdcMinFileSizeKb(int v) {
            this.cdcMinFileSizeKb = v;
            return this;
        }

        /**
         * Sets {@code datePartitionEnabled}: {@code DatePartitionEnabled} (default false).
         *
         * @param v {@code DatePartitionEnabled} (default false)
         * @return this
         */
        public Builder datePartitionEnabled(boolean v) {
            this.datePartitionEnabled = v;
            return this;
        }

        /**
         * Sets {@code datePartitionSequence}: {@code DatePartitionSequence} (default YYYYMMDD).
         *
         * @param v {@code DatePartitionSequence} (default YYYYMMDD)
         * @return this
         */
        public Builder datePartitionSequence(DatePartitionSequence v) {
            this.datePartitionSequence = v;
            return this;
        }

        /**
         * Sets {@code datePartitionDelimiter}: {@code DatePartitionDelimiter} (default SLASH).
         *
         * @param v {@code DatePartitionDelimiter} (default SLASH)
         * @return this
         */
        public Builder datePartitionDelimiter(DatePartitionDelimiter v) {
            this.datePartitionDelimiter = v;
            return this;
        }

        /**
         * Sets {@code datePartitionTimezone}: {@code DatePartitionTimezone} (default UTC).
         *
         * @param v {@code DatePartitionTimezone} (default UTC)
         * @return this
         */
        public Builder datePartitionTimezone(ZoneId v) {
            this.datePartitionTimezone = v;
            return this;
        }

        /**
         * Sets {@code preserveTransactions}: {@code PreserveTransactions} (default false; needs {@link #cdcPath(String)}).
         *
         * @param v {@code PreserveTransactions} (default false; needs {@link #cdcPath(String)})
         * @return this
         */
        public Builder preserveTransactions(boolean v) {
            this.preserveTransactions = v;
            return this;
        }

        /**
         * Sets {@code cdcPath}: {@code CdcPath}, or null.
         *
         * @param v {@code CdcPath}, or null
         * @return this
         */
        public Builder cdcPath(String v) {
            this.cdcPath = v;
            return this;
        }

        /**
         * Sets {@code rowGroupLength}: Parquet {@code RowGroupLength} in rows (default 10,000).
         *
         * @param v Parquet {@code RowGroupLength} in rows (default 10,000)
         * @return this
         */
        public Builder rowGroupLength(int v) {
            this.rowGroupLength = v;
            return this;
        }

        /**
         * Sets {@code parquetTimestampInMillisecond}: {@code ParquetTimestampInMillisecond} (default false).
         *
         * @param v {@code ParquetTimestampInMillisecond} (default false)
         * @return this
         */
        public Builder parquetTimestampInMillisecond(boolean v) {
            this.parquetTimestampInMillisecond = v;
            return this;
        }

        /**
         * Sets {@code csvNoSupValue}: {@code CsvNoSupValue} with {@code UseCsvNoSupValue=true}; null turns it off.
         *
         * @param v {@code CsvNoSupValue} with {@code UseCsvNoSupValue=true}; null turns it off
         * @return this
         */
        public Builder csvNoSupValue(String v) {
            this.csvNoSupValue = v;
            return this;
        }

        /**
         * {@return the settings}
         *
         * @throws S3FormatException listing every problem, each naming the DMS setting
         */
        public S3OutputSettings build() {
            List<String> problems = problems();
            if (!problems.isEmpty()) {
                throw new S3FormatException(problems);
            }
            return new S3OutputSettings(this);
        }

        List<String> problems() {
            List<String> p = new ArrayList<>();
            if (bucketName == null || bucketName.isBlank()) {
                p.add("BucketName is required");
            } else if (bucketName.contains("/")) {
                p.add("BucketName '" + bucketName + "' must be a bucket name; put the folder in BucketFolder");
            }
            if (dataFormat == null) {
                p.add("DataFormat must not be null");
            }
            if (csvDelimiter == null || csvDelimiter.isEmpty()) {
                p.add("CsvDelimiter must not be empty");
            }
            if (csvRowDelimiter == null || csvRowDelimiter.isEmpty()) {
                p.add("CsvRowDelimiter must not be empty");
            }
            if (csvDelimiter != null && csvDelimiter.equals(csvRowDelimiter)) {
                p.add("CsvDelimiter and CsvRowDelimiter must differ");
            }
            if (rfc4180 && ((csvDelimiter != null && csvDelimiter.indexOf('"') >= 0)
                    || (csvRowDelimiter != null && csvRowDelimiter.indexOf('"') >= 0))) {
                p.add("CsvDelimiter and CsvRowDelimiter must not contain '\"' with Rfc4180 (it is the quote)");
            }
            if (csvNullValue == null) {
                p.add("CsvNullValue must not be null (the empty string is the default)");
            } else if (!csvNullValue.isEmpty() && ((csvDelimiter != null && !csvDelimiter.isEmpty()
                    && csvNullValue.contains(csvDelimiter)) || (csvRowDelimiter != null && !csvRowDelimiter.isEmpty()
                    && csvNullValue.contains(csvRowDelimiter)))) {
                p.add("CsvNullValue '" + csvNullValue + "' must not contain CsvDelimiter or CsvRowDelimiter");
            }
            if (maxFileSizeKb < 1 || maxFileSizeKb > MAX_FILE_SIZE_KB) {
                p.add("MaxFileSize " + maxFileSizeKb + " (1.." + MAX_FILE_SIZE_KB + " KB)");
            }
            if (cdcMaxBatchInterval == null || cdcMaxBatchInterval.isNegative()) {
                p.add("CdcMaxBatchInterval must be zero or more seconds");
            }
            if (cdcMinFileSizeKb < 1) {
                p.add("CdcMinFileSize " + cdcMinFileSizeKb + " (at least 1 KB)");
            }
            if (cdcInsertsOnly && cdcInsertsAndUpdates) {
                p.add("CdcInsertsOnly and CdcInsertsAndUpdates are mutually exclusive");
            }
            if (preserveTransactions && trimSlashesOf(cdcPath) == null) {
                p.add("PreserveTransactions needs CdcPath");
            }
            if (datePartitionSequence == null || datePartitionDelimiter == null || datePartitionTimezone == null) {
                p.add("DatePartitionSequence, DatePartitionDelimiter and DatePartitionTimezone must not be null");
            }
            if (rowGroupLength < 1) {
                p.add("RowGroupLength " + rowGroupLength + " (at least 1 row)");
            }
            return p;
        }
    }
}
