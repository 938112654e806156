package io.dmskit.verify.internal.content;

import io.dmskit.model.s3.CsvDialect;
import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetWriter;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.DmsRendering.Engine;
import io.dmskit.verify.internal.content.DmsRendering.Format;
import io.dmskit.verify.internal.content.DmsRendering.RenderOptions;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.TargetReadException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("S3TableState: the current state of a table rebuilt from DMS's S3 objects (LocalS3 over HTTP)")
class S3TableStateTest {

    private final S3Client s3 = SharedS3.get().client();

    /** orders(id PK, name, price DECIMAL(10,2), updated DATETIME(6)) in table order. */
    private static final List<String> TABLE = List.of("id", "name", "price", "updated");
    private static final ContentShape SHAPE = new ContentShape("sales", "orders", List.of(
            new ContentShape.Column("id", true, Kind.INTEGER, java.sql.Types.INTEGER, "int", 10, 0, false),
            new ContentShape.Column("name", false, Kind.TEXT, java.sql.Types.VARCHAR, "varchar", 50, 0, false),
            new ContentShape.Column("price", false, Kind.DECIMAL, java.sql.Types.DECIMAL, "decimal", 10, 2, false),
            new ContentShape.Column("updated", false, Kind.TIMESTAMP, java.sql.Types.TIMESTAMP, "datetime", 26, 6,
                    false)), true);
    private static final List<KeyRange> RANGES = KeyRange.split(List.of(List.of("50"), List.of("100"),
            List.of("150")));

    private static List<String> row(int id, String name) {
        return Arrays.asList(Integer.toString(id), name, new BigDecimal(id).movePointLeft(2).setScale(2).toPlainString(),
                "2024-05-28 10:00:" + String.format("%02d", id % 60) + ".123456");
    }

    private static List<String> rowWith(int id, String name, String price) {
        List<String> r = new ArrayList<>(row(id, name));
        r.set(2, price);
        return r;
    }

    /** The expected final state: key -> canonical values. */
    private static final class Expected {
        final TreeMap<Integer, List<String>> rows = new TreeMap<>();

        Expected put(List<String> fields, DmsRendering r) {
            List<ColumnRendering> rs = S3TableState.Spec.renderings(r, SHAPE);
            List<String> canonical = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                canonical.add(rs.get(i).target(fields.get(i)));
            }
            rows.put(Integer.parseInt(fields.get(0)), canonical);
            return this;
        }

        RangeDigest digest(KeyRange range) {
            RangeDigest d = RangeDigest.EMPTY;
            for (CanonicalRow row : rows(range)) {
                d = d.plus(row);
            }
            return d;
        }

        List<CanonicalRow> rows(KeyRange range) {
            List<CanonicalRow> out = new ArrayList<>();
            for (Map.Entry<Integer, List<String>> e : rows.entrySet()) {
                List<String> key = List.of(e.getValue().get(0));
                if (range.contains(key, SHAPE.keyOrder())) {
                    out.add(new CanonicalRow(key, e.getValue().subList(1, e.getValue().size())));
                }
            }
            return out;
        }
    }

    private void put(String bucket, String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    private static byte[] csv(CsvDialect d, List<List<String>> records) {
        StringBuilder b = new StringBuilder();
        records.forEach(r -> d.appendRecord(b, r));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> op(String op, List<String> row) {
        List<String> out = new ArrayList<>();
        out.add(op);
        out.addAll(row);
        return out;
    }

    private S3TableState read(S3OutputSettings settings, Path temp) {
        return read(settings, temp, 64 << 20);
    }

    private S3TableState read(S3OutputSettings settings, Path temp, long memoryBudget) {
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        return S3TableState.read(s3, settings, new S3TableState.Spec("sales", "orders", TABLE, SHAPE,
                S3TableState.Spec.renderings(r, SHAPE), RANGES), temp, () -> false, memoryBudget);
    }

    private static void assertState(S3TableState state, Expected expected) {
        assertThat(state.ranges()).isEqualTo(RANGES.size());
        assertThat(state.digests()).isEqualTo(RANGES.stream().map(expected::digest).toList());
        for (int i = 0; i < RANGES.size(); i++) {
            assertThat(state.rows(i)).as("rows of range %d", i).isEqualTo(expected.rows(RANGES.get(i)));
            assertThat(state.digest(i)).as("digest of range %d", i).isEqualTo(expected.digest(RANGES.get(i)));
        }
    }

    @Test
    @DisplayName("CSV: full load, gzip, CDC in date partitions applied in commit order; updates, deletes, re-inserts")
    void csvFullLoadAndCdc(@TempDir Path temp) throws IOException {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).bucketFolder("hub")
                .datePartitionEnabled(true).build();
        CsvDialect d = settings.csvDialect();
        String p = "hub/sales/orders/";
        List<List<String>> load1 = new ArrayList<>();
        List<List<String>> load2 = new ArrayList<>();
        Expected expected = new Expected();
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        for (int id = 1; id <= 200; id++) {
            (id <= 120 ? load1 : load2).add(row(id, "n" + id));
            expected.put(row(id, "n" + id), r);
        }
        load1.set(2, rowWith(3, "with, \"quotes\"\nand a line break ", "3.00"));
        expected.put(rowWith(3, "with, \"quotes\"\nand a line break ", "3.00"), r);
        put(bucket, p + "LOAD00000001.csv", csv(d, load1));
        put(bucket, p + "LOAD00000002.csv.gz", gzip(csv(d, load2)));
        // the first batch: listed after the second one ('/' sorts before digits), applied first by its time
        put(bucket, p + "2024/05/28/20240528-100000000.csv", csv(d, List.of(
                op("U", row(5, "first update")), op("D", row(7, "n7")), op("I", row(201, "new")),
                op("D", row(8, "n8")))));
        put(bucket, p + "2024/05/29/20240529-000000000.csv", csv(d, List.of(
                op("D", row(201, "new")), op("I", rowWith(8, "back again", "99.90")),
                op("U", row(5, "second update")), op("I", row(202, "")))));
        expected.rows.remove(7);
        expected.put(row(5, "second update"), r).put(rowWith(8, "back again", "99.90"), r);
        expected.put(row(202, null), r); // the empty field reads as NULL with the default CsvNullValue

        try (S3TableState state = read(settings, temp, 0)) { // every record through the spill files
            assertState(state, expected);
            assertThat(state.stats().bytesOnDisk()).isEqualTo(state.stats().spilledBytes()).isPositive();
            try (var files = Files.list(temp)) {
                assertThat(files).hasSize(1);
            }
            assertThat(state.stats().loadObjects()).isEqualTo(2);
            assertThat(state.stats().cdcObjects()).isEqualTo(2);
            assertThat(state.stats().records()).isEqualTo(208);
            assertThat(state.rows(0)).extracting(c -> c.key().get(0)).doesNotContain("7");
            assertThat(state.rows(3)).extracting(c -> c.key().get(0)).contains("202").doesNotContain("201");
            assertThat(state.location()).isEqualTo("s3://" + bucket + "/hub/sales/orders/");
            KeyRange sub = new KeyRange(List.of("5"), List.of("8"));
            assertThat(state.rows(sub)).isEqualTo(expected.rows(sub));
            KeyRange across = new KeyRange(List.of("45"), List.of("155"));
            assertThat(state.digest(across)).isEqualTo(expected.digest(across));
        }
        try (var files = Files.list(temp)) {
            assertThat(files).as("spill files deleted on close").isEmpty();
        }
    }

    @Test
    @DisplayName("Parquet: full load and CDC files with an Op column, typed values read into the same canonical text")
    void parquet(@TempDir Path temp) {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).dataFormat(S3DataFormat.PARQUET)
                .build();
        String p = "sales/orders/";
        List<ParquetColumn> loadCols = List.of(ParquetColumn.int32("id"), ParquetColumn.string("name"),
                ParquetColumn.decimal("price", 10, 2), ParquetColumn.timestampMicros("updated"));
        List<ParquetColumn> cdcCols = new ArrayList<>(List.of(ParquetColumn.string("Op")));
        cdcCols.addAll(loadCols);
        DmsRendering csvLike = DmsRendering.of(Engine.MYSQL, Format.s3Csv("NULL"), RenderOptions.DEFAULTS);
        Expected expected = new Expected();
        List<Object[]> load = new ArrayList<>();
        for (int id = 1; id <= 180; id++) {
            load.add(typed(null, row(id, "n" + id)));
            expected.put(row(id, "n" + id), csvLike);
        }
        put(bucket, p + "LOAD00000001.parquet", parquet(loadCols, load, 50));
        put(bucket, p + "20240528-100000000.parquet", parquet(cdcCols, List.of(
                typed("U", row(60, "updated")), typed("D", row(61, "n61")), typed("I", row(181, "")),
                typed("D", row(62, "n62")), typed("I", rowWith(62, "re-inserted", "1.50"))), 2));
        expected.rows.remove(61);
        expected.put(row(60, "updated"), csvLike).put(row(181, ""), csvLike)
                .put(rowWith(62, "re-inserted", "1.50"), csvLike);

        try (S3TableState state = read(settings, temp, 4096)) { // partly in memory, partly on disk
            assertState(state, expected);
            assertThat(state.stats().bytesOnDisk()).isPositive().isLessThan(state.stats().spilledBytes());
            assertThat(state.rows(3)).filteredOn(c -> c.key().get(0).equals("181"))
                    .singleElement().satisfies(c -> assertThat(c.values().get(0)).isEqualTo(""));
        }
    }

    private static Object[] typed(String op, List<String> row) {
        List<Object> v = new ArrayList<>();
        if (op != null) {
            v.add(op);
        }
        v.add(Integer.parseInt(row.get(0)));
        v.add(row.get(1));
        v.add(new BigDecimal(row.get(2)));
        v.add(LocalDateTime.parse(row.get(3).replace(' ', 'T')));
        return v.toArray();
    }

    private static byte[] parquet(List<ParquetColumn> cols, List<Object[]> rows, int rowGroup) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetWriter w = ParquetWriter.builder().columns(cols).compression(ParquetCompression.SNAPPY)
                .rowGroupLength(rowGroup).open(out)) {
            rows.forEach(w::write);
        }
        return out.toByteArray();
    }

    @Test
    @DisplayName("PreserveTransactions: CDC_TXN files under CdcPath, only this table's rows, in file-time order")
    void transactionFiles(@TempDir Path temp) {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).preserveTransactions(true)
                .cdcPath("txn").build();
        CsvDialect d = settings.csvDialect();
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        Expected expected = new Expected();
        List<List<String>> load = new ArrayList<>();
        for (int id = 1; id <= 10; id++) {
            load.add(row(id, "n" + id));
            expected.put(row(id, "n" + id), r);
        }
        put(bucket, "sales/orders/LOAD00000001.csv", csv(d, load));
        List<List<String>> t1 = List.of(txn("I", "orders", row(11, "t1")), txn("I", "customers", List.of("1", "x")),
                txn("D", "orders", row(2, "n2")), txn("U", "ORDERS", row(3, "t1 update")));
        List<List<String>> t2 = List.of(txn("D", "orders", row(11, "t1")), txn("U", "orders", row(3, "t2 update")));
        put(bucket, "txn/CDC_TXN-20240528100000001.csv", csv(d, t2.subList(0, 0))); // empty file
        put(bucket, "txn/CDC_TXN-20240528100000002.csv", csv(d, t1));
        put(bucket, "txn/CDC_TXN-20240528100000003.csv", csv(d, t2));
        expected.rows.remove(2);
        expected.put(row(3, "t2 update"), r);

        try (S3TableState state = read(settings, temp)) {
            assertState(state, expected);
            assertThat(state.stats().transactionObjects()).isEqualTo(3);
        }
    }

    private static List<String> txn(String op, String table, List<String> row) {
        List<String> out = new ArrayList<>(List.of(op, table, "sales"));
        out.addAll(row);
        return out;
    }

    @Test
    @DisplayName("AddColumnName: header rows are skipped; IncludeOpForFullLoad: full-load rows carry I")
    void headersAndFullLoadOp(@TempDir Path temp) {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).addColumnName(true)
                .includeOpForFullLoad(true).build();
        CsvDialect d = settings.csvDialect();
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        Expected expected = new Expected();
        List<List<String>> load = new ArrayList<>(List.of(d.header(true, TABLE)));
        for (int id = 1; id <= 5; id++) {
            load.add(op("I", row(id, "n" + id)));
            expected.put(row(id, "n" + id), r);
        }
        put(bucket, "sales/orders/LOAD00000001.csv", csv(d, load));
        put(bucket, "sales/orders/20240528-100000000.csv", csv(d, List.of(d.header(true, TABLE),
                op("D", row(1, "n1")))));
        expected.rows.remove(1);
        try (S3TableState state = read(settings, temp)) {
            assertState(state, expected);
        }
    }

    @Test
    @DisplayName("A table without a primary key is a multiset: duplicates count, a delete removes one occurrence")
    void keylessMultiset(@TempDir Path temp) {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).build();
        CsvDialect d = settings.csvDialect();
        ContentShape shape = new ContentShape("sales", "events", List.of(
                new ContentShape.Column("kind", true, Kind.TEXT, java.sql.Types.VARCHAR, "varchar", 10, 0, false),
                new ContentShape.Column("n", true, Kind.INTEGER, java.sql.Types.INTEGER, "int", 10, 0, false)),
                false);
        put(bucket, "sales/events/LOAD00000001.csv", csv(d, List.of(List.of("a", "1"), List.of("a", "1"),
                List.of("b", "2"), List.of("a", "1"))));
        put(bucket, "sales/events/20240528-100000000.csv", csv(d, List.of(List.of("D", "a", "1"),
                List.of("D", "b", "2"), List.of("I", "c", "3"))));
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        try (S3TableState state = S3TableState.read(s3, settings, new S3TableState.Spec("sales", "events",
                List.of("kind", "n"), shape, S3TableState.Spec.renderings(r, shape), List.of(KeyRange.ALL)), temp,
                () -> false)) {
            List<CanonicalRow> expected = List.of(new CanonicalRow(List.of("a", "1"), List.of()),
                    new CanonicalRow(List.of("a", "1"), List.of()), new CanonicalRow(List.of("c", "3"), List.of()));
            assertThat(state.rows(0)).isEqualTo(expected);
            RangeDigest digest = RangeDigest.EMPTY;
            for (CanonicalRow row : expected) {
                digest = digest.plus(row);
            }
            assertThat(state.digest(0)).isEqualTo(digest);
        }
    }

    @Test
    @DisplayName("Cancelled between objects: CancellationException, no spill file left behind")
    void cancellation(@TempDir Path temp) throws IOException {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).build();
        put(bucket, "sales/orders/LOAD00000001.csv", csv(settings.csvDialect(), List.of(row(1, "a"))));
        put(bucket, "sales/orders/LOAD00000002.csv", csv(settings.csvDialect(), List.of(row(2, "b"))));
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        int[] polls = {0};
        assertThatThrownBy(() -> S3TableState.read(s3, settings, new S3TableState.Spec("sales", "orders", TABLE,
                SHAPE, S3TableState.Spec.renderings(r, SHAPE), RANGES), temp, () -> ++polls[0] > 1))
                .isInstanceOf(CancellationException.class).hasMessageContaining("sales/orders/");
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("A corrupt object fails with TargetReadException naming it")
    void corruptObject(@TempDir Path temp) {
        String bucket = SharedS3.newBucket();
        S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).build();
        put(bucket, "sales/orders/LOAD00000001.parquet", "not parquet at all".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(settings, temp)).isInstanceOf(TargetReadException.class)
                .hasMessageContaining("s3://" + bucket + "/sales/orders/LOAD00000001.parquet");
    }

    @Test
    @DisplayName("A shape column missing from the table's columns is refused up front")
    void unknownColumn() {
        S3OutputSettings settings = S3OutputSettings.builder().bucketName("b").build();
        DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.of(settings), RenderOptions.DEFAULTS);
        assertThatThrownBy(() -> S3TableState.read(s3, settings, new S3TableState.Spec("sales", "orders",
                List.of("id", "name", "price"), SHAPE, S3TableState.Spec.renderings(r, SHAPE), RANGES), null,
                () -> false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[updated]");
    }

    @Test
    @DisplayName("The row hash computed from UTF-8 fields with a reused buffer and MD5 instance is RangeDigest's")
    void rowHashAgrees() {
        RowHasher hasher = new RowHasher();
        String longText = "x€".repeat(40_000);
        for (CanonicalRow row : List.of(new CanonicalRow(List.of("1"), Arrays.asList("a", null, "ü€𝄞")),
                new CanonicalRow(Arrays.asList((String) null), List.of()), new CanonicalRow(List.of(""), List.of("")),
                new CanonicalRow(List.of("12345678901"), List.of(longText, "\ud800 lone surrogate", "9".repeat(10)
                        + "é".repeat(100_000), "y".repeat(70_000), "ascii then ü")))) {
            assertThat(hasher.hash(row)).isEqualTo(RangeDigest.rowHash(row));
        }
    }

    static Comparator<CanonicalRow> byKey() {
        return (a, b) -> SHAPE.keyOrder().compare(a.key(), b.key());
    }
}
