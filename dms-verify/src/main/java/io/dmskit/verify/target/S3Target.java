package io.dmskit.verify.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An S3 target endpoint as DMS writes it: {@code s3://bucket/[bucketFolder/]schema/table/} with {@code LOAD########}
 * full-load files and timestamp-named CDC files (also under date-partition folders), optionally transaction files
 * {@code CDC_TXN-*.csv} under {@code [bucketFolder/]cdcPath/}. The settings mirror the endpoint's {@code S3Settings}
 * and only those that change how rows are counted are needed.
 *
 * <pre>{@code
 * S3Target target = S3Target.builder().bucket("raw").bucketFolder("market-intelligence-hub")
 *         .dataFormat(S3DataFormat.PARQUET).build();
 * }</pre>
 */
public final class S3Target implements Target {

    private final String bucket;
    private final String bucketFolder;
    private final S3DataFormat dataFormat;
    private final String csvDelimiter;
    private final String csvRowDelimiter;
    private final boolean rfc4180;
    private final Boolean addColumnName;
    private final boolean includeOpForFullLoad;
    private final boolean cdcInsertsOnly;
    private final boolean cdcInsertsAndUpdates;
    private final String cdcPath;
    private final String timestampColumnName;
    private final int parallelism;
    private final int footerReadSize;
    private final int listPageSize;

    private S3Target(Builder b) {
        this.bucket = b.bucket;
        this.bucketFolder = trimSlashes(b.bucketFolder);
        this.dataFormat = b.dataFormat;
        this.csvDelimiter = b.csvDelimiter;
        this.csvRowDelimiter = b.csvRowDelimiter;
        this.rfc4180 = b.rfc4180;
        this.addColumnName = b.addColumnName;
        this.includeOpForFullLoad = b.includeOpForFullLoad;
        this.cdcInsertsOnly = b.cdcInsertsOnly;
        this.cdcInsertsAndUpdates = b.cdcInsertsAndUpdates;
        this.cdcPath = trimSlashes(b.cdcPath);
        this.timestampColumnName = b.timestampColumnName;
        this.parallelism = b.parallelism;
        this.footerReadSize = b.footerReadSize;
        this.listPageSize = b.listPageSize;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a target built by the consumer */
    public static S3Target of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /**
     * Reads the counting-relevant settings of a DMS S3 endpoint.
     *
     * <p>DMS echoes {@code CsvDelimiter} and {@code CsvRowDelimiter} the way they were given on the command line or in
     * the console, i.e. escaped: a row delimiter of a line feed comes back as the two characters {@code \n}. Both are
     * unescaped here ({@link #unescapeDelimiter(String)}); an empty value keeps the default.
     *
     * @param s the endpoint's {@code S3Settings} (from {@code DescribeEndpoints})
     * @return a builder pre-filled from the settings
     */
    public static Builder fromS3Settings(software.amazon.awssdk.services.databasemigration.model.S3Settings s) {
        Builder b = builder().bucket(s.bucketName()).bucketFolder(s.bucketFolder());
        if (s.dataFormatAsString() != null) {
            b.dataFormat(s.dataFormatAsString().toLowerCase(Locale.ROOT).contains("parquet")
                    ? S3DataFormat.PARQUET : S3DataFormat.CSV);
        }
        if (s.csvDelimiter() != null && !s.csvDelimiter().isEmpty()) {
            b.csvDelimiter(unescapeDelimiter(s.csvDelimiter()));
        }
        if (s.csvRowDelimiter() != null && !s.csvRowDelimiter().isEmpty()) {
            b.csvRowDelimiter(unescapeDelimiter(s.csvRowDelimiter()));
        }
        if (s.rfc4180() != null) {
            b.rfc4180(s.rfc4180());
        }
        if (s.addColumnName() != null) {
            b.addColumnName(s.addColumnName());
        }
        b.includeOpForFullLoad(Boolean.TRUE.equals(s.includeOpForFullLoad()));
        b.cdcInsertsOnly(Boolean.TRUE.equals(s.cdcInsertsOnly()));
        b.cdcInsertsAndUpdates(Boolean.TRUE.equals(s.cdcInsertsAndUpdates()));
        if (Boolean.TRUE.equals(s.preserveTransactions()) && s.cdcPath() != null) {
            b.cdcPath(s.cdcPath());
        }
        b.timestampColumnName(s.timestampColumnName());
        return b;
    }

    /**
     * Turns a delimiter as DMS echoes it into the characters it stands for: {@code \n} (backslash, n) becomes a line
     * feed, {@code \r} a carriage return, {@code \t} a tab and {@code \\} one backslash; anything else, including
     * a backslash before another character or at the end, is kept as it is. Values that are already plain characters
     * (a real line feed, {@code ,}, {@code |}) come back unchanged.
     *
     * @param value a {@code CsvDelimiter} / {@code CsvRowDelimiter} value; null gives null
     * @return the unescaped value
     */
    public static String unescapeDelimiter(String value) {
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                String replacement = switch (next) {
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    case '\\' -> "\\";
                    default -> null;
                };
                if (replacement != null) {
                    out.append(replacement);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** @return a builder holding this target's settings */
    public Builder toBuilder() {
        return builder().bucket(bucket).bucketFolder(bucketFolder).dataFormat(dataFormat).csvDelimiter(csvDelimiter)
                .csvRowDelimiter(csvRowDelimiter).rfc4180(rfc4180).addColumnName(addColumnName)
                .includeOpForFullLoad(includeOpForFullLoad).cdcInsertsOnly(cdcInsertsOnly)
                .cdcInsertsAndUpdates(cdcInsertsAndUpdates).cdcPath(cdcPath).timestampColumnName(timestampColumnName)
                .parallelism(parallelism).footerReadSize(footerReadSize).listPageSize(listPageSize);
    }

    /** @return bucket name */
    public String bucket() {
        return bucket;
    }

    /** @return {@code BucketFolder} without leading/trailing slashes, if set */
    public Optional<String> bucketFolder() {
        return Optional.ofNullable(bucketFolder);
    }

    /** @return data format */
    public S3DataFormat dataFormat() {
        return dataFormat;
    }

    /** @return {@code CsvDelimiter} */
    public String csvDelimiter() {
        return csvDelimiter;
    }

    /** @return {@code CsvRowDelimiter} */
    public String csvRowDelimiter() {
        return csvRowDelimiter;
    }

    /** @return {@code Rfc4180}: whether fields may be double-quoted */
    public boolean rfc4180() {
        return rfc4180;
    }

    /**
     * @return {@code AddColumnName} (a header row in every CSV file); empty means "recognise a header row by the
     *         table's column names"
     */
    public Optional<Boolean> addColumnName() {
        return Optional.ofNullable(addColumnName);
    }

    /** @return {@code IncludeOpForFullLoad} */
    public boolean includeOpForFullLoad() {
        return includeOpForFullLoad;
    }

    /** @return {@code CdcInsertsOnly}: CDC files have no Op column and hold only inserts */
    public boolean cdcInsertsOnly() {
        return cdcInsertsOnly;
    }

    /** @return {@code CdcInsertsAndUpdates} */
    public boolean cdcInsertsAndUpdates() {
        return cdcInsertsAndUpdates;
    }

    /** @return {@code CdcPath} (with {@code PreserveTransactions}), if set */
    public Optional<String> cdcPath() {
        return Optional.ofNullable(cdcPath);
    }

    /** @return {@code TimestampColumnName}, if set */
    public Optional<String> timestampColumnName() {
        return Optional.ofNullable(timestampColumnName);
    }

    /** @return how many objects are read at once */
    public int parallelism() {
        return parallelism;
    }

    /** @return bytes of a Parquet object's end fetched by the first (suffix) ranged GET */
    public int footerReadSize() {
        return footerReadSize;
    }

    /** @return keys per ListObjectsV2 page ({@code MaxKeys}) */
    public int listPageSize() {
        return listPageSize;
    }

    /** @return the key prefix of a table's folder, ending in {@code /} */
    public String tablePrefix(String schema, String table) {
        return (bucketFolder == null ? "" : bucketFolder + "/") + schema + "/" + table + "/";
    }

    /** @return the key prefix of a schema's folder, ending in {@code /} */
    public String schemaPrefix(String schema) {
        return (bucketFolder == null ? "" : bucketFolder + "/") + schema + "/";
    }

    /** @return the key prefix of the CDC transaction folder, if {@code CdcPath} is set */
    public Optional<String> cdcPathPrefix() {
        return cdcPath().map(p -> (bucketFolder == null ? "" : bucketFolder + "/") + p + "/");
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + (bucketFolder == null ? "" : bucketFolder + "/");
    }

    @Override
    public String toString() {
        return "S3Target{" + describe() + ", format=" + dataFormat + (cdcPath == null ? "" : ", cdcPath=" + cdcPath)
                + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Target t && bucket.equals(t.bucket) && Objects.equals(bucketFolder, t.bucketFolder)
                && dataFormat == t.dataFormat && csvDelimiter.equals(t.csvDelimiter)
                && csvRowDelimiter.equals(t.csvRowDelimiter) && rfc4180 == t.rfc4180
                && Objects.equals(addColumnName, t.addColumnName) && includeOpForFullLoad == t.includeOpForFullLoad
                && cdcInsertsOnly == t.cdcInsertsOnly && cdcInsertsAndUpdates == t.cdcInsertsAndUpdates
                && Objects.equals(cdcPath, t.cdcPath) && Objects.equals(timestampColumnName, t.timestampColumnName)
                && parallelism == t.parallelism && footerReadSize == t.footerReadSize
                && listPageSize == t.listPageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, bucketFolder, dataFormat, csvDelimiter, cdcPath);
    }

    private static String trimSlashes(String s) {
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

    /** Builder; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private String bucket;
        private String bucketFolder;
        private S3DataFormat dataFormat = S3DataFormat.AUTO;
        private String csvDelimiter = ",";
        private String csvRowDelimiter = "\n";
        private boolean rfc4180 = true;
        private Boolean addColumnName;
        private boolean includeOpForFullLoad;
        private boolean cdcInsertsOnly;
        private boolean cdcInsertsAndUpdates;
        private String cdcPath;
        private String timestampColumnName;
        private int parallelism = 16;
        private int footerReadSize = 64 * 1024;
        private int listPageSize = 1000;

        private Builder() {
        }

        /** @param v {@code BucketName} (required) @return this */
        public Builder bucket(String v) {
            this.bucket = v;
            return this;
        }

        /** @param v {@code BucketFolder}, or null @return this */
        public Builder bucketFolder(String v) {
            this.bucketFolder = v;
            return this;
        }

        /** @param v {@code DataFormat} (default AUTO: by object name) @return this */
        public Builder dataFormat(S3DataFormat v) {
            this.dataFormat = v;
            return this;
        }

        /** @param v {@code CsvDelimiter} (default {@code ,}) @return this */
        public Builder csvDelimiter(String v) {
            this.csvDelimiter = v;
            return this;
        }

        /** @param v {@code CsvRowDelimiter} (default {@code \n}) @return this */
        public Builder csvRowDelimiter(String v) {
            this.csvRowDelimiter = v;
            return this;
        }

        /** @param v {@code Rfc4180} (default true) @return this */
        public Builder rfc4180(boolean v) {
            this.rfc4180 = v;
            return this;
        }

        /** @param v {@code AddColumnName}; null = recognise header rows by column names (default) @return this */
        public Builder addColumnName(Boolean v) {
            this.addColumnName = v;
            return this;
        }

        /** @param v {@code IncludeOpForFullLoad} @return this */
        public Builder includeOpForFullLoad(boolean v) {
            this.includeOpForFullLoad = v;
            return this;
        }

        /** @param v {@code CdcInsertsOnly} @return this */
        public Builder cdcInsertsOnly(boolean v) {
            this.cdcInsertsOnly = v;
            return this;
        }

        /** @param v {@code CdcInsertsAndUpdates} @return this */
        public Builder cdcInsertsAndUpdates(boolean v) {
            this.cdcInsertsAndUpdates = v;
            return this;
        }

        /** @param v {@code CdcPath} used with {@code PreserveTransactions=true}, or null @return this */
        public Builder cdcPath(String v) {
            this.cdcPath = v;
            return this;
        }

        /** @param v {@code TimestampColumnName}, or null @return this */
        public Builder timestampColumnName(String v) {
            this.timestampColumnName = v;
            return this;
        }

        /** @param v objects read at once (default 16) @return this */
        public Builder parallelism(int v) {
            this.parallelism = v;
            return this;
        }

        /** @param v bytes fetched from a Parquet object's end in the first GET (default 64 KiB) @return this */
        public Builder footerReadSize(int v) {
            this.footerReadSize = v;
            return this;
        }

        /** @param v keys per ListObjectsV2 page, 1..1000 (default 1000) @return this */
        public Builder listPageSize(int v) {
            this.listPageSize = v;
            return this;
        }

        /**
         * @return the target
         * @throws IllegalArgumentException listing every invalid setting
         */
        public S3Target build() {
            List<String> problems = new ArrayList<>();
            if (bucket == null || bucket.isBlank()) {
                problems.add("bucket is required");
            } else if (bucket.contains("/")) {
                problems.add("bucket '" + bucket + "' must be a bucket name; put the folder in bucketFolder");
            }
            if (dataFormat == null) {
                problems.add("dataFormat must not be null");
            }
            if (csvDelimiter == null || csvDelimiter.isEmpty()) {
                problems.add("csvDelimiter must not be empty");
            }
            if (csvRowDelimiter == null || csvRowDelimiter.isEmpty()) {
                problems.add("csvRowDelimiter must not be empty");
            }
            if (csvDelimiter != null && csvDelimiter.equals(csvRowDelimiter)) {
                problems.add("csvDelimiter and csvRowDelimiter must differ");
            }
            if (cdcInsertsOnly && cdcInsertsAndUpdates) {
                problems.add("cdcInsertsOnly and cdcInsertsAndUpdates are mutually exclusive (as in DMS)");
            }
            if (parallelism < 1) {
                problems.add("parallelism must be at least 1, was " + parallelism);
            }
            if (footerReadSize < 16) {
                problems.add("footerReadSize must be at least 16 bytes, was " + footerReadSize);
            }
            if (listPageSize < 1 || listPageSize > 1000) {
                problems.add("listPageSize must be between 1 and 1000, was " + listPageSize);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid S3Target: " + String.join("; ", problems));
            }
            return new S3Target(this);
        }
    }
}
