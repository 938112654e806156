package io.dmskit.model.s3.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.model.s3.CsvDialect;
import io.dmskit.model.s3.CsvFormatException;
import io.dmskit.model.s3.CsvLimits;
import io.dmskit.model.s3.CsvReader;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.model.s3.parquet.ParquetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * Issue 15: whatever the bytes, dms-model's readers of DMS S3 output either answer or throw their module's typed
 * exception ({@link CsvFormatException}, {@link ParquetFormatException}, {@link S3FormatException}), and allocate a
 * bounded amount while doing it. Inputs are mutations of the real DMS output in the shared corpus and of files written
 * by dms-model's own writers.
 */
class HostileInputProperties {

    /** Far above what the readers need for these inputs (all below 1 MiB), far below an unbounded allocation. */
    private static final long ALLOCATION_BUDGET = 192L << 20;

    private static final List<byte[]> CORPUS = Mutations.corpus();

    private static final CsvDialect[] DIALECTS = {
        CsvDialect.of(",", "\n", true, ""), CsvDialect.of("|", "\r\n", false, "NULL"),
        CsvDialect.of("::", "\n--\n", true, "\\N"), CsvDialect.of("\t", "\n", true, "")};

    // ---------------------------------------------------------------------------------------------------- CSV

    @Property(tries = 400, shrinking = ShrinkingMode.OFF)
    void mutatedCsvOnlyFailsWithCsvFormatException(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int edits) {
        Random r = Mutations.random(seed);
        byte[] original = r.nextBoolean() && !CORPUS.isEmpty() ? CORPUS.get(r.nextInt(CORPUS.size()))
                : ownCsv(r, DIALECTS[0]);
        byte[] bad = Mutations.mutate(original, r, edits, 200_000);
        CsvDialect dialect = DIALECTS[r.nextInt(DIALECTS.length)];
        CsvLimits limits = r.nextBoolean() ? CsvLimits.DEFAULT
                : new CsvLimits(1 + r.nextInt(4096), 1 + r.nextInt(64), 1 + r.nextInt(1 << 20));
        CsvReader reader = dialect.reader().withLimits(limits).withSource("s3://bucket/fuzz/LOAD00000001.csv");
        boolean gzip = r.nextInt(4) == 0;
        byte[] input = gzip ? Mutations.mutate(Mutations.gzip(bad), r, 1, 16) : bad;
        int capture = new int[] {0, 1, 3, Integer.MAX_VALUE}[r.nextInt(4)];

        long before = Mutations.allocatedBytes();
        Throwable t = null;
        try (InputStream in = reader.decompressed(new ByteArrayInputStream(input))) {
            reader.scan(in, capture, (i, f) -> true);
        } catch (Throwable e) {
            t = e;
        }
        long allocated = Mutations.allocatedBytes() - before;

        if (t != null) {
            assertThat(t).as("seed %d", seed).isInstanceOf(CsvFormatException.class);
            assertThat(t.getMessage()).startsWith("s3://bucket/fuzz/LOAD00000001.csv: ");
        }
        if (before >= 0) {
            assertThat(allocated).as("bytes allocated reading %d bytes (seed %d)", input.length, seed)
                    .isLessThan(ALLOCATION_BUDGET);
        }
    }

    @Property(tries = 50)
    void aCapturedFieldLongerThanTheLimitIsReportedWithItsPlace(@ForAll @IntRange(min = 1, max = 5000) int limit,
                                                               @ForAll @IntRange(min = 0, max = 3) int quoted) {
        String big = "y".repeat(limit + 1);
        String field = quoted % 2 == 1 ? "\"" + big + "\"" : big;
        byte[] csv = ("a,b\nc," + field + "\n").getBytes(StandardCharsets.UTF_8);
        CsvReader reader = DIALECTS[0].reader().withLimits(CsvLimits.DEFAULT.withMaxFieldBytes(limit))
                .withSource("s3://b/k.csv");

        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> reader.readAll(new ByteArrayInputStream(csv)));

        assertThat(t).isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("s3://b/k.csv: record 2 (line 2), field 2")
                .hasMessageContaining("CsvLimits.maxFieldBytes");
        assertThat(((CsvFormatException) t).source()).contains("s3://b/k.csv");
        // counting does not hold fields, so the same object counts
        assertThat(count(reader, csv)).isEqualTo(2);
    }

    private static long count(CsvReader reader, byte[] csv) {
        try {
            return reader.scan(new ByteArrayInputStream(csv), 0, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] ownCsv(Random r, CsvDialect dialect) {
        StringBuilder out = new StringBuilder();
        int rows = 1 + r.nextInt(40);
        for (int i = 0; i < rows; i++) {
            dialect.appendRecord(out, List.of("I", String.valueOf(i), "name, \"quoted\"\n" + i, "", "\u00e9\ud83d\ude00"));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------ Parquet

    @Property(tries = 300, shrinking = ShrinkingMode.OFF)
    void mutatedParquetOnlyFailsWithParquetFormatException(@ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 6) int edits) {
        Random r = Mutations.random(seed);
        byte[] bad = Mutations.mutate(ownParquet(r), r, edits, 4096);

        long before = Mutations.allocatedBytes();
        Throwable t = null;
        try {
            ParquetReader.readRows(bad);
            ParquetFooter footer = ParquetReader.readFooter(bad);
            for (ParquetFooter.RowGroup g : footer.rowGroups()) {
                for (ParquetFooter.ColumnChunk c : g.columns()) {
                    long start = c.startOffset();
                    if (start >= 0 && start < bad.length) {
                        ParquetReader.readStrings(c, java.util.Arrays.copyOfRange(bad, (int) start, bad.length));
                    }
                }
            }
        } catch (Throwable e) {
            t = e;
        }
        long allocated = Mutations.allocatedBytes() - before;

        if (t != null) {
            assertThat(t).as("seed %d", seed).isInstanceOf(ParquetFormatException.class);
        }
        if (before >= 0) {
            assertThat(allocated).as("bytes allocated reading %d bytes (seed %d)", bad.length, seed)
                    .isLessThan(ALLOCATION_BUDGET);
        }
    }

    /** A file of our own writer: every physical type, nulls, 1 to 3 row groups, each codec. */
    static byte[] ownParquet(Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParquetCompression codec = new ParquetCompression[] {ParquetCompression.UNCOMPRESSED,
            ParquetCompression.SNAPPY, ParquetCompression.GZIP}[r.nextInt(3)];
        ParquetWriter w = ParquetWriter.builder().compression(codec).rowGroupLength(1 + r.nextInt(30))
                .column(ParquetColumn.string("Op")).column(ParquetColumn.int64("id"))
                .column(ParquetColumn.decimal("amount", 12, 2)).column(ParquetColumn.date("day"))
                .column(ParquetColumn.bool("flag")).column(ParquetColumn.float64("x"))
                .open(out);
        int rows = 1 + r.nextInt(60);
        for (int i = 0; i < rows; i++) {
            w.write(r.nextBoolean() ? "I" : null, (long) i, r.nextBoolean() ? new BigDecimal("12.34") : null,
                    LocalDate.of(2026, 1, 1).plusDays(i), i % 2 == 0, r.nextDouble());
        }
        w.close();
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------- object names and settings

    @Property(tries = 500)
    void anyKeyIsJudgedWithoutAnException(@ForAll long seed) {
        Random r = Mutations.random(seed);
        String[] samples = {"hub/sales/orders/LOAD00000001.csv", "sales/orders/SEGMENT3_LOAD0000000A.parquet",
            "cdc/CDC_TXN-20260101120000123.csv", "sales/orders/2026/01/01/20260101-120000123.csv.gz",
            "sales/orders/SEGMENT99999999999999_LOADFFFFFFFFFFFF.csv", "sales/orders/99999999-999999999999999999.csv"};
        String key = new String(Mutations.mutate(samples[r.nextInt(samples.length)].getBytes(StandardCharsets.UTF_8),
                r, 4, 64), StandardCharsets.UTF_8);
        S3OutputSettings settings = S3OutputSettings.of(b -> b.bucketName("bucket").bucketFolder("hub"));

        S3ObjectNames.kindOf(key);
        S3ObjectNames.isParquetName(key);
        assertThat(S3ObjectNames.of(settings).parse(key).key()).isEqualTo(key);
    }

    @Property(tries = 500)
    void anyS3SettingsReadOrFailWithS3FormatException(@ForAll long seed) {
        Random r = Mutations.random(seed);
        S3Settings.Builder b = S3Settings.builder();
        for (SdkField<?> f : ((SdkPojo) b).sdkFields()) {
            if (r.nextInt(3) == 0) {
                f.set(b, hostile(f, r));
            }
        }
        S3Settings s = b.build();

        for (boolean strict : new boolean[] {true, false}) {
            try {
                S3OutputSettings read = strict ? S3OutputSettings.from(s) : S3OutputSettings.forReading(s);
                read.csvDialect().reader();
                read.objectNames();
            } catch (S3FormatException e) {
                assertThat(e.problems()).isNotEmpty();
            }
        }
    }

    private static Object hostile(SdkField<?> f, Random r) {
        MarshallingKnownType type = f.marshallingType().getKnownType();
        if (type == MarshallingKnownType.INTEGER) {
            return new Integer[] {null, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}[r.nextInt(6)];
        }
        if (type == MarshallingKnownType.BOOLEAN) {
            return new Boolean[] {null, true, false}[r.nextInt(3)];
        }
        if (type == MarshallingKnownType.STRING) {
            return new String[] {null, "", " ", "\\", "\\n", "\\\\", "\u0000", "x".repeat(10_000), "bogus", "csv",
                "parquet", "PARQUET", "gzip", "NONE", "SLASH", "YYYYMMDDHH", "Mars/Olympus", "+99:00", "/", "//a//",
                "\"", "\n", ",", "a\tb"}[r.nextInt(24)];
        }
        return null;
    }
}
