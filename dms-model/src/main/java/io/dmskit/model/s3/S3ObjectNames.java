package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names DMS gives the objects of an S3 target (dms-json-formats.md §10), produced and parsed in one place:
 * <ul>
 *   <li>full load {@code [BucketFolder/]schema/table/LOAD00000001.csv}, the counter in upper-case hexadecimal,
 *       in a parallel-load segment folder ({@code …/table/<segment>/LOAD…}) or as {@code …/table/SEGMENT<n>_LOAD…};
 *   <li>CDC {@code …/table/yyyyMMdd-HHmmssSSS.csv}, under a date-partition folder with DatePartitionEnabled
 *       (DatePartitionSequence parts joined by DatePartitionDelimiter, in DatePartitionTimezone);
 *   <li>transaction files {@code [BucketFolder/]CdcPath/CDC_TXN-yyyyMMddHHmmssSSS.csv} with PreserveTransactions;
 *   <li>extensions {@code .csv}, {@code .csv.gz}, {@code .parquet} (CDC_TXN files are always CSV).
 * </ul>
 *
 * <pre>{@code
 * S3ObjectNames names = settings.objectNames();
 * String key = names.fullLoadKey("sales", "orders", 1);          // hub/sales/orders/LOAD00000001.csv
 * S3ObjectKind kind = names.parse(key).kind();                    // FULL_LOAD
 * }</pre>
 */
public final class S3ObjectNames {

    private static final DateTimeFormatter CDC_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT);
    private static final DateTimeFormatter TXN_NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);
    private static final Pattern LOAD = Pattern.compile("(?i)(?:SEGMENT(\\d+)_)?LOAD([0-9A-F]+)(\\..*)?");
    private static final Pattern CDC = Pattern.compile("(\\d{8})[-_]?(\\d*)(\\..*)?");
    private static final Pattern TXN = Pattern.compile("(?i)CDC_TXN-(\\d+)(\\..*)?");

    private final S3OutputSettings settings;

    private S3ObjectNames(S3OutputSettings settings) {
        this.settings = Args.required(settings, "S3ObjectNames: settings");
    }

    /**
     * {@return its object names}
     *
     * @param settings the S3 target
     */
    public static S3ObjectNames of(S3OutputSettings settings) {
        return new S3ObjectNames(settings);
    }

    /** {@return {@code BucketFolder/} or the empty string} */
    private String root() {
        return settings.bucketFolder().map(f -> f + "/").orElse("");
    }

    /** {@return the key prefix of a schema's folder, {@code [BucketFolder/]schema/}} */
    public String schemaPrefix(String schema) {
        return root() + schema + "/";
    }

    /** {@return the key prefix of a table's folder, {@code [BucketFolder/]schema/table/}} */
    public String tablePrefix(String schema, String table) {
        return root() + schema + "/" + table + "/";
    }

    /** {@return the key prefix of the transaction folder {@code [BucketFolder/]CdcPath/} with PreserveTransactions} */
    public Optional<String> cdcPathPrefix() {
        if (!settings.preserveTransactions()) {
            return Optional.empty();
        }
        return settings.cdcPath().map(p -> root() + p + "/");
    }

    /** {@return the data files' extension: {@code .csv}, {@code .csv.gz} or {@code .parquet}} */
    public String extension() {
        return settings.parquet() ? ".parquet" : settings.gzip() ? ".csv.gz" : ".csv";
    }

    /** {@return the extension of transaction files, always CSV: {@code .csv} or {@code .csv.gz}} */
    public String transactionExtension() {
        return settings.gzip() ? ".csv.gz" : ".csv";
    }

    /**
     * {@return {@code LOAD} and the counter as 8 upper-case hexadecimal digits, e.g. {@code LOAD0000000A}}
     *
     * @param sequence the file's counter, from 1
     */
    public static String loadName(int sequence) {
        if (sequence < 1) {
            throw new S3FormatException(List.of("a LOAD file counter starts at 1, was " + sequence));
        }
        return String.format(Locale.ROOT, "LOAD%08X", sequence);
    }

    /** {@return the key of a full-load file, {@code [BucketFolder/]schema/table/LOAD0000000n.ext}} */
    public String fullLoadKey(String schema, String table, int sequence) {
        return tablePrefix(schema, table) + loadName(sequence) + extension();
    }

    /**
     * {@return the key of a full-load file in that segment's folder, {@code …/table/<segment>/LOAD0000000n.ext}}
     *
     * @param segmentFolder a partition name or a {@code segment-names} entry of a parallel load
     */
    public String fullLoadKey(String schema, String table, String segmentFolder, int sequence) {
        if (segmentFolder == null || segmentFolder.isEmpty() || segmentFolder.contains("/")) {
            throw new S3FormatException(List.of("a segment folder is one non-empty folder name, was " + segmentFolder));
        }
        return tablePrefix(schema, table) + segmentFolder + "/" + loadName(sequence) + extension();
    }

    /**
     * {@return the key {@code …/table/SEGMENT<n>_LOAD0000000n.ext}}
     *
     * @param segment the segment's number of a ranges parallel load without segment names
     */
    public String segmentLoadKey(String schema, String table, int segment, int sequence) {
        if (segment < 0) {
            throw new S3FormatException(List.of("segment must not be negative, was " + segment));
        }
        return tablePrefix(schema, table) + "SEGMENT" + segment + "_" + loadName(sequence) + extension();
    }

    private ZonedDateTime zoned(Instant time, String method) {
        Args.required(time, "S3ObjectNames." + method + ": time");
        try {
            ZonedDateTime z = time.atZone(settings.datePartitionTimezone());
            if (z.getYear() < 0 || z.getYear() > 9999) {
                throw new java.time.DateTimeException("year " + z.getYear());
            }
            return z;
        } catch (java.time.DateTimeException e) {
            throw new S3FormatException(List.of("S3ObjectNames." + method + ": time " + time
                    + " has no calendar date DMS could name a file with"));
        }
    }

    /**
     * {@return the key of a CDC file, with its date-partition folder when DatePartitionEnabled}
     *
     * @param time when the file is written; named in DatePartitionTimezone, to the millisecond
     */
    public String cdcKey(String schema, String table, Instant time) {
        ZonedDateTime local = zoned(time, "cdcKey");
        String folder = tablePrefix(schema, table);
        if (settings.datePartitionEnabled()) {
            folder = folder + datePartition(local) + "/";
        }
        return folder + CDC_NAME.format(local) + extension();
    }

    /**
     * {@return the key of a transaction file, {@code [BucketFolder/]CdcPath/CDC_TXN-yyyyMMddHHmmssSSS.csv}}
     *
     * @param time when the file is written; named in DatePartitionTimezone, to the millisecond
     * @throws S3FormatException without PreserveTransactions and CdcPath, or for a time no calendar date has
     */
    public String cdcTxnKey(Instant time) {
        String prefix = cdcPathPrefix().orElseThrow(() -> new S3FormatException(List.of(
                "transaction files need PreserveTransactions and CdcPath")));
        return prefix + "CDC_TXN-" + TXN_NAME.format(zoned(time, "cdcTxnKey"))
                + transactionExtension();
    }

    /** {@return the date-partition folder(s) of a time, e.g. {@code 2024/05/28} for YYYYMMDD and SLASH} */
    public String datePartition(ZonedDateTime t) {
        Args.required(t, "S3ObjectNames.datePartition: t");
        return String.join(settings.datePartitionDelimiter().text(), settings.datePartitionSequence().parts(t));
    }

    /**
     * Reads a key of this target: which table folder it is in, what it holds and what its name encodes. Keys outside
     * the bucket folder and names DMS does not give data files are {@link S3ObjectKind#OTHER}.
     *
     * @param key an object key as listed
     * @return what the key says
     */
    public S3ObjectKey parse(String key) {
        Args.required(key, "S3ObjectNames.parse: key");
        if (key.endsWith("/")) {
            return S3ObjectKey.other(key);
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!isDataFileName(name) || !key.startsWith(root())) {
            return S3ObjectKey.other(key);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".gz");
        boolean parquet = isParquetName(name);
        String rel = key.substring(root().length());
        Optional<String> txn = cdcPathPrefix().map(p -> p.substring(root().length()));
        Matcher m = TXN.matcher(name);
        if (m.matches() && (txn.isEmpty() || rel.equals(txn.get() + name))) {
            return new S3ObjectKey(key, S3ObjectKind.CDC_TXN, Optional.empty(), Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), time(m.group(1).substring(0,
                    Math.min(8, m.group(1).length())), m.group(1).substring(Math.min(8, m.group(1).length()))),
                    parquet, gzip);
        }
        List<String> parts = Arrays.asList(rel.split("/", -1));
        if (parts.size() < 3) {
            return S3ObjectKey.other(key);
        }
        Optional<String> schema = Optional.of(parts.get(0));
        Optional<String> table = Optional.of(parts.get(1));
        List<String> middle = parts.subList(2, parts.size() - 1);
        m = LOAD.matcher(name);
        if (m.matches()) {
            // with DatePartitionEnabled the full load, too, lies in the date-partition folders of its write time
            // (e.g. schema/table/2024/05/28/LOAD00000001.csv), so several folders below the table are read as one
            return new S3ObjectKey(key, S3ObjectKind.FULL_LOAD, schema, table,
                    middle.isEmpty() ? Optional.empty() : Optional.of(String.join("/", middle)),
                    number(m.group(1), 10), number(m.group(2), 16), Optional.empty(), Optional.empty(), parquet,
                    gzip);
        }
        m = CDC.matcher(name);
        if (m.matches()) {
            return new S3ObjectKey(key, S3ObjectKind.CDC, schema, table, Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), middle.isEmpty() ? Optional.empty() : Optional.of(String.join("/", middle)),
                    time(m.group(1), m.group(2)), parquet, gzip);
        }
        return S3ObjectKey.other(key);
    }

    /**
     * Judges a key by its file name alone, without knowing the target's settings: what dms-verify does with the keys
     * listed under a table folder or the CdcPath folder.
     *
     * @param key an object key
     * @return what it holds
     */
    public static S3ObjectKind kindOf(String key) {
        Args.required(key, "S3ObjectNames.kindOf: key");
        if (key.endsWith("/")) {
            return S3ObjectKind.OTHER;
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (!isDataFileName(name)) {
            return S3ObjectKind.OTHER;
        }
        if (LOAD.matcher(name).matches()) {
            return S3ObjectKind.FULL_LOAD;
        }
        if (TXN.matcher(name).matches()) {
            return S3ObjectKind.CDC_TXN;
        }
        if (CDC.matcher(name).matches()) {
            return S3ObjectKind.CDC;
        }
        return S3ObjectKind.OTHER;
    }

    /** {@return whether the key names a Parquet object ({@code .parquet}, {@code .parquet.gz})} */
    public static boolean isParquetName(String key) {
        String n = Args.required(key, "S3ObjectNames.isParquetName: key").toLowerCase(Locale.ROOT);
        return n.endsWith(".parquet") || n.endsWith(".parquet.gz");
    }

    /** {@return whether a file name has an extension DMS gives data files (csv, parquet, gz, or none)} */
    static boolean isDataFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int dot = n.indexOf('.');
        if (dot < 0) {
            return true;
        }
        String ext = n.substring(dot + 1);
        return ext.equals("csv") || ext.equals("csv.gz") || ext.equals("gz") || ext.equals("parquet")
                || ext.equals("parquet.gz") || ext.equals("txt") || ext.equals("tsv");
    }

    /** A counter in a name, empty when absent or beyond an int (a name DMS did not write). */
    private static OptionalInt number(String digits, int radix) {
        if (digits == null) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseUnsignedInt(digits, radix);
            return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Reads {@code yyyyMMdd} and {@code HHmmss} followed by fraction digits; empty when they are not a time. */
    private static Optional<LocalDateTime> time(String date, String rest) {
        if (date.length() != 8 || rest.length() < 6) {
            return Optional.empty();
        }
        try {
            int nanos = 0;
            String fraction = rest.substring(6);
            if (!fraction.isEmpty()) {
                String nine = (fraction + "000000000").substring(0, 9);
                nanos = Integer.parseInt(nine);
            }
            return Optional.of(LocalDateTime.of(Integer.parseInt(date.substring(0, 4)),
                    Integer.parseInt(date.substring(4, 6)), Integer.parseInt(date.substring(6, 8)),
                    Integer.parseInt(rest.substring(0, 2)), Integer.parseInt(rest.substring(2, 4)),
                    Integer.parseInt(rest.substring(4, 6)), nanos));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "S3ObjectNames{" + settings.bucketName() + "/" + root() + "}";
    }

}
