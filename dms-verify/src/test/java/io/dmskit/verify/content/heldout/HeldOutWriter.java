package io.dmskit.verify.content.heldout;

import io.dmskit.verify.content.heldout.HeldOutTable.Col;
import io.dmskit.verify.content.heldout.HeldOutWorkload.Batch;
import io.dmskit.verify.content.heldout.HeldOutWorkload.Change;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes what DMS writes to an S3 target for the held-out workload, by hand, from the endpoint's {@link S3Settings}
 * as a user sets them (read here independently of dms-model): the folder layout ({@code BucketFolder}, date
 * partitions, {@code CdcPath} transaction files), file names, CSV dialect (delimiters, {@code Rfc4180}, header row,
 * {@code CsvNullValue}, the Op and timestamp columns, {@code CsvNoSupValue}, padding, gzip) and Parquet files written
 * with parquet-java in the shape DMS uses (its type table, dictionary pages, data page v2, codecs, timestamp units,
 * decimals as INT32 / INT64 / FIXED_LEN_BYTE_ARRAY).
 */
final class HeldOutWriter {

    /** Parquet details the endpoint settings do not fix. */
    record ParquetKnobs(boolean dictionary, boolean pageV2, boolean decimalsFixed, boolean utcAdjusted,
                        boolean snappy, boolean noOpForInsertsAndUpdates) {
        static final ParquetKnobs DMS = new ParquetKnobs(true, false, true, false, false, false);

        ParquetKnobs(boolean dictionary, boolean pageV2, boolean decimalsFixed, boolean utcAdjusted, boolean snappy) {
            this(dictionary, pageV2, decimalsFixed, utcAdjusted, snappy, false);
        }

        /** As DMS, but CdcInsertsAndUpdates without IncludeOpForFullLoad writes no Op field (the option's prose). */
        static final ParquetKnobs PROSE = new ParquetKnobs(true, false, true, false, false, true);
    }

    private static final DateTimeFormatter CDC_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS", Locale.ROOT);
    private static final DateTimeFormatter TXN_NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT);

    private final S3Client s3;
    private final S3Settings s;
    private final ParquetKnobs knobs;
    private final HeldOutTable t;
    private final String schema;
    private final boolean parquet;
    private final boolean gzip;
    private final String delimiter;
    private final String rowDelimiter;
    private final String nullValue;
    private final boolean rfc;
    private final ZoneId zone;

    HeldOutWriter(S3Client s3, S3Settings s, ParquetKnobs knobs, HeldOutTable t, String schema) {
        this.s3 = s3;
        this.s = s;
        this.knobs = knobs;
        this.t = t;
        this.schema = schema;
        this.parquet = "parquet".equalsIgnoreCase(s.dataFormatAsString());
        this.gzip = "gzip".equalsIgnoreCase(s.compressionTypeAsString());
        this.delimiter = s.csvDelimiter() == null ? "," : s.csvDelimiter().replace("\\t", "\t");
        this.rowDelimiter = s.csvRowDelimiter() == null ? "\n" : s.csvRowDelimiter().replace("\\n", "\n")
                .replace("\\r", "\r");
        this.nullValue = s.csvNullValue() == null ? "" : s.csvNullValue();
        this.rfc = !Boolean.FALSE.equals(s.rfc4180());
        this.zone = s.datePartitionTimezone() == null ? ZoneOffset.UTC : ZoneId.of(s.datePartitionTimezone());
    }

    /**
     * Whether the written target tells NULL from the empty string: Parquet does, CSV only with a CsvNullValue; a
     * Parquet target with CDC_TXN files (always CSV) does not for its CDC rows, so the table is read as CSV is.
     */
    boolean nullDistinct() {
        return parquet && !on(s.preserveTransactions()) || !nullValue.isEmpty();
    }

    private static boolean on(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    private String root() {
        return s.bucketFolder() == null ? "" : s.bucketFolder() + "/";
    }

    private String tableFolder(String table, Instant when) {
        String folder = root() + schema + "/" + table + "/";
        if (on(s.datePartitionEnabled())) {
            ZonedDateTime z = when.atZone(zone);
            String y = String.format(Locale.ROOT, "%04d", z.getYear());
            String m = String.format(Locale.ROOT, "%02d", z.getMonthValue());
            String d = String.format(Locale.ROOT, "%02d", z.getDayOfMonth());
            String h = String.format(Locale.ROOT, "%02d", z.getHour());
            String seq = s.datePartitionSequenceAsString() == null ? "YYYYMMDD" : s.datePartitionSequenceAsString();
            List<String> parts = switch (seq) {
                case "YYYYMMDDHH" -> List.of(y, m, d, h);
                case "YYYYMM" -> List.of(y, m);
                case "MMYYYYDD" -> List.of(m, y, d);
                case "DDMMYYYY" -> List.of(d, m, y);
                default -> List.of(y, m, d);
            };
            String del = s.datePartitionDelimiterAsString() == null ? "SLASH" : s.datePartitionDelimiterAsString();
            folder += String.join(switch (del) {
                case "UNDERSCORE" -> "_";
                case "DASH" -> "-";
                case "NONE" -> "";
                default -> "/";
            }, parts) + "/";
        }
        return folder;
    }

    private boolean loadOp() {
        return on(s.includeOpForFullLoad());
    }

    private boolean cdcOp() {
        if (knobs.noOpForInsertsAndUpdates() && on(s.cdcInsertsAndUpdates())) {
            return loadOp();
        }
        return on(s.cdcInsertsOnly()) ? loadOp() : true;
    }

    private boolean written(char op) {
        return on(s.cdcInsertsOnly()) ? op == 'I' : !on(s.cdcInsertsAndUpdates()) || op != 'D';
    }

    /** Writes the full load (rows 1..20 at generation 0) as two LOAD files. */
    void load(String table, boolean corrupt) {
        List<Object[]> rows = new ArrayList<>();
        for (int id = 1; id <= 20; id++) {
            rows.add(HeldOutWorkload.row(t, id, 0, corrupt, nullDistinct()));
        }
        String folder = tableFolder(table, HeldOutWorkload.LOAD_TIME);
        String ts = STAMP.format(LocalDateTime.ofInstant(HeldOutWorkload.LOAD_TIME, ZoneOffset.UTC));
        for (int f = 0; f < 2; f++) {
            List<Object[]> part = rows.subList(f * 10, f * 10 + 10);
            List<Character> ops = part.stream().map(r -> 'I').toList();
            String name = String.format(Locale.ROOT, "LOAD%08X", f + 1);
            if (parquet) {
                put(folder + name + ".parquet", parquetFile(loadOp() ? ops : null, ts, part, false));
            } else {
                put(folder + name + (gzip ? ".csv.gz" : ".csv"), csvFile(loadOp() ? ops : null, ts, part, false));
            }
        }
    }

    /** Writes the CDC batches of one table into its folder (one file per batch). */
    void cdc(String table, List<Batch> batches) {
        for (Batch b : batches) {
            List<Character> ops = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            collect(b, ops, rows);
            if (rows.isEmpty()) {
                continue;
            }
            String ts = STAMP.format(LocalDateTime.ofInstant(b.commit(), ZoneOffset.UTC));
            String name = CDC_NAME.format(b.commit().atZone(zone));
            String folder = tableFolder(table, b.commit());
            if (parquet) {
                put(folder + name + ".parquet", parquetFile(cdcOp() ? ops : null, ts, rows, true));
            } else {
                put(folder + name + (gzip ? ".csv.gz" : ".csv"), csvFile(cdcOp() ? ops : null, ts, rows, true));
            }
        }
    }

    private void collect(Batch b, List<Character> ops, List<Object[]> rows) {
        for (Change c : b.changes()) {
            if (!written(c.op())) {
                continue;
            }
            Object[] row = HeldOutWorkload.row(t, c.id(), c.gen(), false, nullDistinct());
            if (c.op() == 'D' && t.postgres) { // PostgreSQL's default replica identity: a delete carries the key only
                for (int i = 1; i < row.length; i++) {
                    row[i] = null;
                }
            }
            ops.add(c.op());
            rows.add(row);
        }
    }

    /** Writes both tables' batches as CDC_TXN transaction files under CdcPath, one per commit. */
    void transactions(String goodTable, List<Batch> good, String badTable, List<Batch> bad) {
        for (int i = 0; i < good.size(); i++) {
            StringBuilder out = new StringBuilder();
            for (int side = 0; side < 2; side++) {
                Batch b = side == 0 ? good.get(i) : bad.get(i);
                List<Character> ops = new ArrayList<>();
                List<Object[]> rows = new ArrayList<>();
                collect(b, ops, rows);
                for (int r = 0; r < rows.size(); r++) {
                    List<String> fields = new ArrayList<>(List.of(String.valueOf(ops.get(r)),
                            side == 0 ? goodTable : badTable, schema));
                    fields.addAll(texts(rows.get(r), ops.get(r)));
                    record(out, fields);
                }
            }
            String name = "CDC_TXN-" + TXN_NAME.format(good.get(i).commit().atZone(zone));
            put(root() + s.cdcPath() + "/" + name + (gzip ? ".csv.gz" : ".csv"), bytes(out));
        }
    }

    // ------------------------------------------------------------------ CSV

    private List<String> texts(Object[] row, Character op) {
        boolean pad = on(s.addTrailingPaddingCharacter());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            Col c = t.cols.get(i);
            boolean noSup = op != null && op == 'U' && on(s.useCsvNoSupValue()) && c.name().equals("vc2");
            out.add(noSup ? s.csvNoSupValue() : t.csv(c, row[i], pad));
        }
        return out;
    }

    private byte[] csvFile(List<Character> ops, String ts, List<Object[]> rows, boolean cdc) {
        StringBuilder out = new StringBuilder();
        boolean stamp = s.timestampColumnName() != null;
        if (on(s.addColumnName())) {
            List<String> header = new ArrayList<>();
            if (ops != null) {
                header.add("Op");
            }
            if (stamp) {
                header.add(s.timestampColumnName());
            }
            header.addAll(t.names());
            record(out, header);
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> fields = new ArrayList<>();
            if (ops != null) {
                fields.add(String.valueOf(ops.get(r)));
            }
            if (stamp) {
                fields.add(ts);
            }
            fields.addAll(texts(rows.get(r), cdc ? ops == null ? Character.valueOf('I') : ops.get(r) : null));
            record(out, fields);
        }
        return bytes(out);
    }

    private void record(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            String f = fields.get(i);
            if (f == null) {
                out.append(nullValue);
            } else if (rfc && (f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r"))) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append(rowDelimiter);
    }

    private byte[] bytes(StringBuilder out) {
        byte[] b = out.toString().getBytes(StandardCharsets.UTF_8);
        if (!gzip) {
            return b;
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(o)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o.toByteArray();
    }

    private void put(String key, byte[] body) {
        s3.putObject(b -> b.bucket(s.bucketName()).key(key), RequestBody.fromBytes(body));
    }

    // ------------------------------------------------------------------ Parquet

    private boolean millis() {
        return on(s.parquetTimestampInMillisecond());
    }

    private String decimalType(int p, int scale) {
        if (knobs.decimalsFixed() || p > 18) {
            return "fixed_len_byte_array(16)";
        }
        return p <= 9 ? "int32" : "int64";
    }

    private String field(Col c) {
        String n = c.name();
        String stampUnit = millis() ? "MILLIS" : "MICROS";
        return switch (c.t()) {
            case INT -> c.p() <= 32 ? "optional int32 " + n + (c.p() < 32 ? " (INTEGER(" + c.p() + ",true))" : "")
                    : "optional int64 " + n;
            case UINT -> c.p() <= 32 ? "optional int32 " + n + " (INTEGER(" + c.p() + ",false))"
                    : "optional int64 " + n + " (INTEGER(64,false))";
            case DEC -> "optional " + decimalType(c.p(), c.s()) + " " + n + " (DECIMAL(" + c.p() + "," + c.s() + "))";
            case NUMERIC_UNBOUNDED -> "optional " + decimalType(28, 6) + " " + n + " (DECIMAL(28,6))";
            case REAL4 -> "optional float " + n;
            case REAL8 -> "optional double " + n;
            case BIT1, BOOL_PG -> "optional boolean " + n;
            case BIN -> "optional binary " + n;
            case DATE -> "optional int32 " + n + " (DATE)";
            case TIME_PG -> "optional int32 " + n + " (TIME(MILLIS," + knobs.utcAdjusted() + "))";
            case DATETIME, DATETIME_MS, TS_UTC -> "optional int64 " + n + " (TIMESTAMP(" + stampUnit + ","
                    + knobs.utcAdjusted() + "))";
            default -> "optional binary " + n + " (STRING)";
        };
    }

    private byte[] parquetFile(List<Character> ops, String ts, List<Object[]> rows, boolean cdc) {
        StringBuilder schemaText = new StringBuilder("message dms { ");
        if (ops != null) {
            schemaText.append("optional binary Op (STRING); ");
        }
        if (s.timestampColumnName() != null) {
            schemaText.append("optional binary ").append(s.timestampColumnName()).append(" (STRING); ");
        }
        for (Col c : t.cols) {
            schemaText.append(field(c)).append("; ");
        }
        MessageType type = MessageTypeParser.parseMessageType(schemaText.append('}').toString());
        String codec = s.compressionTypeAsString() == null ? "NONE" : s.compressionTypeAsString();
        try {
            Path dir = Files.createTempDirectory("heldout-parquet");
            Path file = dir.resolve("f.parquet");
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                    .withConf(new Configuration()).withType(type)
                    .withCompressionCodec(codec.equalsIgnoreCase("gzip") ? CompressionCodecName.GZIP
                            : knobs.snappy() ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED)
                    .withDictionaryEncoding(knobs.dictionary())
                    .withWriterVersion(knobs.pageV2() ? ParquetProperties.WriterVersion.PARQUET_2_0
                            : ParquetProperties.WriterVersion.PARQUET_1_0)
                    .build()) {
                SimpleGroupFactory f = new SimpleGroupFactory(type);
                for (int r = 0; r < rows.size(); r++) {
                    Group g = f.newGroup();
                    if (ops != null) {
                        g.append("Op", String.valueOf(ops.get(r)));
                    }
                    if (s.timestampColumnName() != null) {
                        g.append(s.timestampColumnName(), ts);
                    }
                    Object[] row = rows.get(r);
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] != null && !(row[i] instanceof String z && z.startsWith("0000-00-00"))) {
                            append(g, t.cols.get(i), row[i]);
                        }
                    }
                    w.write(g);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            try (var list = Files.list(dir)) {
                for (Path x : list.toList()) {
                    Files.deleteIfExists(x);
                }
            }
            Files.deleteIfExists(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(Group g, Col c, Object v) {
        String n = c.name();
        switch (c.t()) {
            case INT, UINT -> {
                BigInteger i = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
                if (c.p() <= 32) {
                    g.append(n, i.intValue()); // UINT32 above 2^31 wraps, as Parquet stores it
                } else {
                    g.append(n, i.longValue()); // UINT64 above 2^63 wraps
                }
            }
            case DEC, NUMERIC_UNBOUNDED -> {
                int scale = c.t() == HeldOutTable.T.DEC ? c.s() : 6;
                int p = c.t() == HeldOutTable.T.DEC ? c.p() : 28;
                BigInteger unscaled = ((BigDecimal) v).setScale(scale, RoundingMode.HALF_UP).unscaledValue();
                String phys = decimalType(p, scale);
                if (phys.equals("int32")) {
                    g.append(n, unscaled.intValueExact());
                } else if (phys.equals("int64")) {
                    g.append(n, unscaled.longValueExact());
                } else {
                    byte[] b = unscaled.toByteArray();
                    byte[] fixed = new byte[16];
                    java.util.Arrays.fill(fixed, 0, 16 - b.length, (byte) (unscaled.signum() < 0 ? 0xff : 0));
                    System.arraycopy(b, 0, fixed, 16 - b.length, b.length);
                    g.append(n, Binary.fromConstantByteArray(fixed));
                }
            }
            case REAL4 -> g.append(n, (Float) v);
            case REAL8 -> g.append(n, (Double) v);
            case BIT1, BOOL_PG -> g.append(n, (Boolean) v);
            case BIN -> g.append(n, Binary.fromConstantByteArray((byte[]) v));
            case DATE -> g.append(n, (int) ((LocalDate) v).toEpochDay());
            case TIME_PG -> g.append(n, (int) (LocalTime.parse((String) v).toNanoOfDay() / 1_000_000));
            case DATETIME, DATETIME_MS, TS_UTC -> {
                LocalDateTime d = (LocalDateTime) v;
                long micros = d.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + d.getNano() / 1000;
                g.append(n, millis() ? Math.floorDiv(micros, 1000) : micros);
            }
            default -> g.append(n, t.csv(c, v, false));
        }
    }
}
