package io.dmskit.verify.target;

import io.dmskit.core.Endpoint;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.verify.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An S3 target endpoint as DMS writes it: {@code s3://bucket/[bucketFolder/]schema/table/} with {@code LOAD########}
 * full-load files and timestamp-named CDC files (also under date-partition folders), optionally transaction files
 * {@code CDC_TXN-*.csv} under {@code [bucketFolder/]cdcPath/}. The format itself is dms-model's
 * {@link S3OutputSettings} (DMS's defaults included); this class adds how dms-verify reads it (parallelism, request
 * sizes) and whether a header row is known or recognised.
 *
 * <p>Usually there is nothing to restate: give the {@link io.dmskit.verify.Verifier} the task ARN, or the dms-core
 * {@link Endpoint} you provisioned ({@link #fromEndpoint(Endpoint)}). By hand:
 * <pre>{@code
 * S3Target target = S3Target.builder().bucket("raw").bucketFolder("market-intelligence-hub")
 *         .dataFormat(S3DataFormat.PARQUET).build();
 * }</pre>
 */
public final class S3Target implements Target {

    private final S3OutputSettings settings;
    private final Boolean addColumnName;
    private final int parallelism;
    private final int footerReadSize;
    private final int listPageSize;

    private S3Target(S3OutputSettings settings, Builder b) {
        this.settings = settings;
        this.addColumnName = b.addColumnName;
        this.parallelism = b.parallelism;
        this.footerReadSize = b.footerReadSize;
        this.listPageSize = b.listPageSize;
    }

    /** {@return a new builder with DMS's default S3 settings} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a target built by the consumer}
     *
     * @param spec sets up the builder
     * @throws InvalidDefinitionException when spec is null, or listing every invalid setting
     */
    public static S3Target of(Consumer<Builder> spec) {
        Checks.require(spec, "spec", "S3Target.of");
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /**
     * {@return a target reading objects written with these settings}
     *
     * @param settings the S3 output format, e.g. {@code S3OutputSettings.from(endpoint.s3Settings())}
     * @throws InvalidDefinitionException when settings is null
     */
    public static S3Target of(S3OutputSettings settings) {
        Checks.require(settings, "settings", "S3Target.of");
        return builder().settings(settings).build();
    }

    /**
     * Reads the settings of a DMS S3 endpoint as {@code DescribeEndpoints} returns them.
     *
     * <p>DMS echoes {@code CsvDelimiter} and {@code CsvRowDelimiter} the way they were given on the command line or in
     * the console, i.e. escaped: a row delimiter of a line feed comes back as the two characters {@code \n}. Both are
     * unescaped ({@link S3OutputSettings#unescapeDelimiter(String)}); an empty value keeps the default. When
     * {@code AddColumnName} is not in the settings, header rows are recognised by the table's column names. Settings
     * that only steer how DMS writes (file sizes, batch intervals, unknown partition or compression values) do not
     * stop a count: they are read as {@link S3OutputSettings#forReading} describes.
     *
     * @param s the endpoint's {@code S3Settings} (from {@code DescribeEndpoints})
     * @return a builder pre-filled from the settings
     * @throws InvalidDefinitionException when s is null, or listing every value that makes the output unreadable
     *     (no bucket, an unknown DataFormat, equal or empty delimiters), one problem per value
     */
    public static Builder fromS3Settings(software.amazon.awssdk.services.databasemigration.model.S3Settings s) {
        Checks.require(s, "s", "S3Target.fromS3Settings");
        S3OutputSettings read;
        try {
            read = S3OutputSettings.forReading(s);
        } catch (S3FormatException e) {
            throw new InvalidDefinitionException(e.problems().stream()
                    .map(p -> new DefinitionProblem("S3Target", "S3Settings", p)).toList());
        }
        Builder b = builder().settings(read);
        b.addColumnName = s.addColumnName();
        return b;
    }

    /**
     * Reads the S3 settings of an endpoint defined with dms-core, the same object given to the provisioner, so that
     * nothing is restated.
     *
     * <pre>{@code
     * S3Target target = S3Target.fromEndpoint(rawZoneEndpoint).build();
     * }</pre>
     *
     * @param endpoint an S3 target endpoint ({@code Endpoint.s3("raw-zone").s3Settings(...)})
     * @return a builder pre-filled from its settings
     * @throws InvalidDefinitionException when endpoint is null or has no S3 settings, or listing every value that
     *     is not DMS's S3 output format
     */
    public static Builder fromEndpoint(Endpoint endpoint) {
        Checks.require(endpoint, "endpoint", "S3Target.fromEndpoint");
        var s3 = endpoint.s3Settings().orElseThrow(() -> Checks.invalid("S3Target.fromEndpoint", "endpoint",
                "endpoint '" + endpoint.identifier() + "' has no S3 settings; only an S3 target endpoint can be read"
                + " by S3Target"));
        return fromS3Settings(s3.toSdkBuilder().build());
    }

    /**
     * Same as {@link S3OutputSettings#unescapeDelimiter(String)}, kept here for existing callers.
     *
     * @param value a {@code CsvDelimiter} / {@code CsvRowDelimiter} value; null gives null
     * @return the unescaped value
     */
    public static String unescapeDelimiter(String value) {
        return S3OutputSettings.unescapeDelimiter(value);
    }

    /** {@return a builder holding this target's settings} */
    public Builder toBuilder() {
        Builder b = builder().settings(settings).parallelism(parallelism).footerReadSize(footerReadSize)
                .listPageSize(listPageSize);
        b.addColumnName = addColumnName;
        return b;
    }

    /** {@return the S3 output format this target was written in} */
    public S3OutputSettings settings() {
        return settings;
    }

    /** {@return the object names of this target} */
    public S3ObjectNames objectNames() {
        return settings.objectNames();
    }

    /** {@return bucket name} */
    public String bucket() {
        return settings.bucketName();
    }

    /** {@return {@code BucketFolder} without leading/trailing slashes, if set} */
    public Optional<String> bucketFolder() {
        return settings.bucketFolder();
    }

    /** {@return data format (objects named {@code .parquet} are always read as Parquet)} */
    public S3DataFormat dataFormat() {
        return settings.dataFormat();
    }

    /** {@return {@code CsvDelimiter}} */
    public String csvDelimiter() {
        return settings.csvDelimiter();
    }

    /** {@return {@code CsvRowDelimiter}} */
    public String csvRowDelimiter() {
        return settings.csvRowDelimiter();
    }

    /** {@return {@code Rfc4180}: whether fields may be double-quoted} */
    public boolean rfc4180() {
        return settings.rfc4180();
    }

    /**
     * {@return {@code AddColumnName} (a header row in every CSV file); empty means "recognise a header row by the
     * table's column names"}
     */
    public Optional<Boolean> addColumnName() {
        return Optional.ofNullable(addColumnName);
    }

    /** {@return {@code IncludeOpForFullLoad}} */
    public boolean includeOpForFullLoad() {
        return settings.includeOpForFullLoad();
    }

    /** {@return {@code CdcInsertsOnly}: CDC files have no Op column and hold only inserts} */
    public boolean cdcInsertsOnly() {
        return settings.cdcInsertsOnly();
    }

    /** {@return {@code CdcInsertsAndUpdates}} */
    public boolean cdcInsertsAndUpdates() {
        return settings.cdcInsertsAndUpdates();
    }

    /** {@return {@code CdcPath} when {@code PreserveTransactions} is set} */
    public Optional<String> cdcPath() {
        return settings.preserveTransactions() ? settings.cdcPath() : Optional.empty();
    }

    /** {@return {@code TimestampColumnName}, if set} */
    public Optional<String> timestampColumnName() {
        return settings.timestampColumnName();
    }

    /** {@return how many objects are read at once} */
    public int parallelism() {
        return parallelism;
    }

    /** {@return bytes of a Parquet object's end fetched by the first (suffix) ranged GET} */
    public int footerReadSize() {
        return footerReadSize;
    }

    /** {@return keys per ListObjectsV2 page ({@code MaxKeys})} */
    public int listPageSize() {
        return listPageSize;
    }

    /** {@return the key prefix of a table's folder, ending in {@code /}} */
    public String tablePrefix(String schema, String table) {
        return objectNames().tablePrefix(schema, table);
    }

    /** {@return the key prefix of a schema's folder, ending in {@code /}} */
    public String schemaPrefix(String schema) {
        return objectNames().schemaPrefix(schema);
    }

    /** {@return the key prefix of the CDC transaction folder, if {@code PreserveTransactions} and {@code CdcPath}} */
    public Optional<String> cdcPathPrefix() {
        return objectNames().cdcPathPrefix();
    }

    @Override
    public String describe() {
        return "s3://" + bucket() + "/" + bucketFolder().map(f -> f + "/").orElse("");
    }

    @Override
    public String toString() {
        return "S3Target{" + describe() + ", format=" + dataFormat() + cdcPath().map(p -> ", cdcPath=" + p).orElse("")
                + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3Target t && settings.equals(t.settings) && Objects.equals(addColumnName, t.addColumnName)
                && parallelism == t.parallelism && footerReadSize == t.footerReadSize
                && listPageSize == t.listPageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(settings, addColumnName, parallelism);
    }

    /**
     * Builder; the S3 settings start at DMS's defaults, and {@link #build()} reports every problem at once. The
     * format setters are shortcuts for {@link #settings(Consumer)}.
     */
    public static final class Builder {
        private S3OutputSettings.Builder settings = S3OutputSettings.builder();
        private final List<String> setterProblems = new ArrayList<>();
        private Boolean addColumnName;
        private int parallelism = 16;
        private int footerReadSize = 64 * 1024;
        private int listPageSize = 1000;

        private Builder() {
        }

        /**
         * Sets {@code settings}: the whole S3 output format (replaces format settings made so far; null: DMS's defaults).
         *
         * @param v the whole S3 output format (replaces format settings made so far; null: DMS's defaults)
         * @return this
         */
        public Builder settings(S3OutputSettings v) {
            this.settings = v == null ? S3OutputSettings.builder() : v.toBuilder();
            this.addColumnName = v == null ? null : v.addColumnName();
            return this;
        }

        /**
         * Sets {@code settings}: changes to the S3 output format (null is reported by {@link #build()}).
         *
         * @param spec changes to the S3 output format (null is reported by {@link #build()})
         * @return this
         */
        public Builder settings(Consumer<S3OutputSettings.Builder> spec) {
            if (spec == null) {
                setterProblems.add("settings(Consumer): the spec is null");
            } else {
                spec.accept(settings);
            }
            return this;
        }

        /**
         * Sets {@code bucket}: {@code BucketName} (required).
         *
         * @param v {@code BucketName} (required)
         * @return this
         */
        public Builder bucket(String v) {
            settings.bucketName(v);
            return this;
        }

        /**
         * Sets {@code bucketFolder}: {@code BucketFolder}, or null.
         *
         * @param v {@code BucketFolder}, or null
         * @return this
         */
        public Builder bucketFolder(String v) {
            settings.bucketFolder(v);
            return this;
        }

        /**
         * Sets {@code dataFormat}: {@code DataFormat} (default CSV; {@code .parquet} objects are read as Parquet anyway).
         *
         * @param v {@code DataFormat} (default CSV; {@code .parquet} objects are read as Parquet anyway)
         * @return this
         */
        public Builder dataFormat(S3DataFormat v) {
            settings.dataFormat(v);
            return this;
        }

        /**
         * Sets {@code csvDelimiter}: {@code CsvDelimiter} (default {@code ,}).
         *
         * @param v {@code CsvDelimiter} (default {@code ,})
         * @return this
         */
        public Builder csvDelimiter(String v) {
            settings.csvDelimiter(v);
            return this;
        }

        /**
         * Sets {@code csvRowDelimiter}: {@code CsvRowDelimiter} (default {@code \n}).
         *
         * @param v {@code CsvRowDelimiter} (default {@code \n})
         * @return this
         */
        public Builder csvRowDelimiter(String v) {
            settings.csvRowDelimiter(v);
            return this;
        }

        /**
         * Sets {@code rfc4180}: {@code Rfc4180} (default true).
         *
         * @param v {@code Rfc4180} (default true)
         * @return this
         */
        public Builder rfc4180(boolean v) {
            settings.rfc4180(v);
            return this;
        }

        /**
         * Sets {@code addColumnName}: {@code AddColumnName}; null = recognise header rows by column names (default).
         *
         * @param v {@code AddColumnName}; null = recognise header rows by column names (default)
         * @return this
         */
        public Builder addColumnName(Boolean v) {
            this.addColumnName = v;
            settings.addColumnName(Boolean.TRUE.equals(v));
            return this;
        }

        /**
         * Sets {@code includeOpForFullLoad}: {@code IncludeOpForFullLoad}.
         *
         * @param v {@code IncludeOpForFullLoad}
         * @return this
         */
        public Builder includeOpForFullLoad(boolean v) {
            settings.includeOpForFullLoad(v);
            return this;
        }

        /**
         * Sets {@code cdcInsertsOnly}: {@code CdcInsertsOnly}.
         *
         * @param v {@code CdcInsertsOnly}
         * @return this
         */
        public Builder cdcInsertsOnly(boolean v) {
            settings.cdcInsertsOnly(v);
            return this;
        }

        /**
         * Sets {@code cdcInsertsAndUpdates}: {@code CdcInsertsAndUpdates}.
         *
         * @param v {@code CdcInsertsAndUpdates}
         * @return this
         */
        public Builder cdcInsertsAndUpdates(boolean v) {
            settings.cdcInsertsAndUpdates(v);
            return this;
        }

        /**
         * Sets {@code cdcPath}: {@code CdcPath} of {@code PreserveTransactions=true} (this sets both), or null for
         * neither; a value without a folder name (blank, {@code "/"}) also means neither.
         *
         * @param v {@code CdcPath} of {@code PreserveTransactions=true} (this sets both), or null for neither; a
         *     value without a folder name (blank, {@code "/"}) also means neither
         * @return this
         */
        public Builder cdcPath(String v) {
            boolean folder = v != null && !v.replace("/", "").isBlank();
            settings.cdcPath(folder ? v : null).preserveTransactions(folder);
            return this;
        }

        /**
         * Sets {@code timestampColumnName}: {@code TimestampColumnName}, or null.
         *
         * @param v {@code TimestampColumnName}, or null
         * @return this
         */
        public Builder timestampColumnName(String v) {
            settings.timestampColumnName(v);
            return this;
        }

        /**
         * Sets {@code parallelism}: objects read at once (default 16).
         *
         * @param v objects read at once (default 16)
         * @return this
         */
        public Builder parallelism(int v) {
            this.parallelism = v;
            return this;
        }

        /**
         * Sets {@code footerReadSize}: bytes fetched from a Parquet object's end in the first GET (default 64 KiB).
         *
         * @param v bytes fetched from a Parquet object's end in the first GET (default 64 KiB)
         * @return this
         */
        public Builder footerReadSize(int v) {
            this.footerReadSize = v;
            return this;
        }

        /**
         * Sets {@code listPageSize}: keys per ListObjectsV2 page, 1..1000 (default 1000).
         *
         * @param v keys per ListObjectsV2 page, 1..1000 (default 1000)
         * @return this
         */
        public Builder listPageSize(int v) {
            this.listPageSize = v;
            return this;
        }

        /**
         * {@return the target}
         *
         * @throws InvalidDefinitionException listing every invalid setting, the S3 format's included
         */
        public S3Target build() {
            List<String> problems = new ArrayList<>(setterProblems);
            S3OutputSettings built = null;
            try {
                built = settings.build();
            } catch (S3FormatException e) {
                problems.addAll(e.problems());
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
                throw new InvalidDefinitionException(problems.stream()
                        .map(p -> new DefinitionProblem("S3Target", field(p), p)).toList());
            }
            return new S3Target(built, this);
        }

        /** The setting a problem message is about: its first word when that names a setting, else the format. */
        private static String field(String problem) {
            String first = problem.split("[ (:]", 2)[0];
            return first.matches("[A-Za-z]+") ? first : "S3Settings";
        }
    }
}
