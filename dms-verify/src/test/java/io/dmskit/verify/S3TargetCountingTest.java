package io.dmskit.verify;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.TargetCount;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.dmskit.verify.support.DmsS3Fixtures.cdc;
import static io.dmskit.verify.support.DmsS3Fixtures.csv;
import static io.dmskit.verify.support.DmsS3Fixtures.gzip;
import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static io.dmskit.verify.support.DmsS3Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Counting DMS output on S3 (LocalS3 over HTTP)")
class S3TargetCountingTest {

    private final S3Client s3 = SharedS3.get().client();

    private TargetCount count(S3Target target, String schema, String table, List<String> columns) {
        try (S3TableCounter c = S3TableCounter.create(s3, target)) {
            return c.count(schema, table, columns);
        }
    }

    @Test
    @DisplayName("CSV full load, CDC files in date partitions and gzip: full load, I/U/D and net count")
    void csvFullLoadAndCdc() {
        String bucket = SharedS3.newBucket();
        String p = "hub/sales/orders/";
        put(s3, bucket, p + "LOAD00000001.csv", csv(rows(1, 700)));
        put(s3, bucket, p + "LOAD00000002.csv", csv(rows(701, 1000)));
        put(s3, bucket, p + "LOAD0000000A.csv.gz", gzip(csv(rows(1001, 1200))));
        List<List<String>> batch1 = new ArrayList<>(cdc("I", rows(1201, 1250)));
        batch1.addAll(cdc("U", rows(1, 30)));
        put(s3, bucket, p + "2024/05/28/20240528-195141380.csv", csv(batch1));
        List<List<String>> batch2 = new ArrayList<>(cdc("D", rows(1, 20)));
        batch2.addAll(cdc("I", List.of(List.of("9999", "multi\nline, \"quoted\" name", "EU"))));
        put(s3, bucket, p + "2024/05/29/20240529-010203004.csv.gz", gzip(csv(batch2)));
        put(s3, bucket, p + "LOAD00000001.dfm", "{}".getBytes(StandardCharsets.UTF_8));
        // a table whose name starts like this one must not be mixed in
        put(s3, bucket, "hub/sales/orders_archive/LOAD00000001.csv", csv(rows(1, 5)));

        TargetCount c = count(S3Target.builder().bucket(bucket).bucketFolder("/hub/").build(), "sales", "orders",
                List.of());

        assertThat(c.location()).isEqualTo("s3://" + bucket + "/hub/sales/orders/");
        assertThat(c.fullLoadRows()).isEqualTo(1200);
        assertThat(c.inserts()).isEqualTo(51);
        assertThat(c.updates()).isEqualTo(30);
        assertThat(c.deletes()).isEqualTo(20);
        assertThat(c.rows()).isEqualTo(1200 + 51 - 20);
        assertThat(c.fullLoadObjects()).isEqualTo(3);
        assertThat(c.cdcObjects()).isEqualTo(2);
        assertThat(c.notes()).anyMatch(n -> n.contains("ignored") && n.contains("LOAD00000001.dfm"));
    }

    @Test
    @DisplayName("header rows (AddColumnName) are skipped: set explicitly or recognised from the column names")
    void headerRows() {
        String bucket = SharedS3.newBucket();
        String p = "shop/items/";
        List<List<String>> load = new ArrayList<>();
        load.add(List.of("id", "name", "region"));
        load.addAll(rows(1, 40));
        put(s3, bucket, p + "LOAD00000001.csv", csv(load));
        List<List<String>> changes = new ArrayList<>();
        changes.add(List.of("Op", "id", "name", "region"));
        changes.addAll(cdc("I", rows(41, 45)));
        put(s3, bucket, p + "20240101-000000000.csv", csv(changes));

        S3Target base = S3Target.builder().bucket(bucket).build();
        TargetCount explicit = count(base.toBuilder().addColumnName(true).build(), "shop", "items", List.of());
        TargetCount recognised = count(base, "shop", "items", List.of("id", "name", "region"));
        TargetCount blind = count(base.toBuilder().addColumnName(false).build(), "shop", "items", List.of());

        assertThat(explicit.fullLoadRows()).isEqualTo(40);
        assertThat(explicit.inserts()).isEqualTo(5);
        assertThat(recognised.fullLoadRows()).isEqualTo(40);
        assertThat(recognised.inserts()).isEqualTo(5);
        assertThat(recognised.notes()).anyMatch(n -> n.contains("header row"));
        assertThat(blind.fullLoadRows()).isEqualTo(41);
    }

    @Test
    @DisplayName("IncludeOpForFullLoad, CdcInsertsOnly, tab delimiter and CRLF rows are counted correctly")
    void opForFullLoadAndInsertsOnly() {
        String bucket = SharedS3.newBucket();
        put(s3, bucket, "a/t/LOAD00000001.csv", csv(cdc("I", rows(1, 25)), "\t", "\r\n"));
        put(s3, bucket, "a/t/20240101-000000001.csv", csv(rows(26, 30), "\t", "\r\n"));
        TargetCount c = count(S3Target.builder().bucket(bucket).csvDelimiter("\t").csvRowDelimiter("\r\n")
                .includeOpForFullLoad(true).cdcInsertsOnly(true).build(), "a", "t", List.of());
        assertThat(c.fullLoadRows()).isEqualTo(25);
        assertThat(c.inserts()).isEqualTo(5);
        assertThat(c.deletes()).isZero();
        assertThat(c.rows()).isEqualTo(30);
    }

    @Test
    @DisplayName("CDC_TXN transaction files under CdcPath are split by table and schema")
    void transactionFiles() {
        String bucket = SharedS3.newBucket();
        put(s3, bucket, "root/db1/t1/LOAD00000001.csv", csv(rows(1, 10)));
        put(s3, bucket, "root/db1/t2/LOAD00000001.csv", csv(rows(1, 3)));
        List<List<String>> txn1 = List.of(
                List.of("I", "t1", "db1", "11", "x", "US"), List.of("I", "t2", "db1", "4", "y", "US"),
                List.of("D", "t1", "db1", "1", "name 1", "US"), List.of("U", "t1", "db1", "2", "n", "EU"),
                List.of("I", "t1", "other", "5", "z", "US"));
        List<List<String>> txn2 = List.of(List.of("I", "t1", "db1", "12", "line\nbreak", "US"),
                List.of("D", "t2", "db1", "1", "name 1", "US"));
        put(s3, bucket, "root/changes/CDC_TXN-20201117153046033.csv", csv(txn1));
        put(s3, bucket, "root/changes/CDC_TXN-20201117153146033.csv", csv(txn2));
        S3Target target = S3Target.builder().bucket(bucket).bucketFolder("root").cdcPath("changes").build();
        try (S3TableCounter counter = S3TableCounter.create(s3, target)) {
            TargetCount t1 = counter.count("db1", "t1", List.of());
            TargetCount t2 = counter.count("db1", "t2", List.of());
            assertThat(t1.inserts()).isEqualTo(2);
            assertThat(t1.updates()).isEqualTo(1);
            assertThat(t1.deletes()).isEqualTo(1);
            assertThat(t1.rows()).isEqualTo(11);
            assertThat(t1.cdcObjects()).isEqualTo(2);
            assertThat(t2.rows()).isEqualTo(3 + 1 - 1);
        }
    }

    @Test
    @DisplayName("Parquet: full-load files cost one ranged GET each, CDC Op counts come from statistics or the Op chunk")
    void parquetByFooter() {
        String bucket = SharedS3.newBucket();
        String p = "lake/ecommerce/customers/";
        int padding = 200;
        ParquetSpec spec = new ParquetSpec(CompressionCodecName.SNAPPY, true, false, 256 * 1024, 64 * 1024);
        byte[] load1 = DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 4000), padding, spec, 1);
        byte[] load2 = DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(4001, 5000), padding, spec, 2);
        put(s3, bucket, p + "LOAD00000001.parquet", load1);
        put(s3, bucket, p + "LOAD00000002.parquet", load2);
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ops.add(i % 10 == 0 ? "D" : i % 3 == 0 ? "U" : "I");
        }
        long ins = ops.stream().filter("I"::equals).count();
        long upd = ops.stream().filter("U"::equals).count();
        long del = ops.stream().filter("D"::equals).count();
        put(s3, bucket, p + "20260116-123456789.parquet", DmsS3Fixtures.parquet(ops, DmsS3Fixtures.ids(1, 300),
                padding, spec, 3));
        put(s3, bucket, p + "20260116-123500000.parquet", DmsS3Fixtures.parquet(List.of("I", "I", "I"),
                DmsS3Fixtures.ids(5001, 5003), 0, spec, 4));

        S3Target target = S3Target.builder().bucket(bucket).bucketFolder("lake").dataFormat(S3DataFormat.PARQUET)
                .build();
        TargetCount loadOnly = count(target, "ecommerce", "customers", List.of());
        assertThat(loadOnly.fullLoadRows()).isEqualTo(5000);
        assertThat(loadOnly.inserts()).isEqualTo(ins + 3);
        assertThat(loadOnly.updates()).isEqualTo(upd);
        assertThat(loadOnly.deletes()).isEqualTo(del);
        assertThat(loadOnly.rows()).isEqualTo(5000 + ins + 3 - del);
        assertThat(load1.length).isGreaterThan(500_000);
        // 2 full-load + 2 CDC footers, plus one Op chunk for the mixed CDC file if it is outside the tail
        assertThat(loadOnly.getRequests()).isBetween(4L, 5L);
        assertThat(loadOnly.bytesRead()).isLessThan(load1.length / 2);
    }

    @Test
    @DisplayName("a footer larger than the first suffix read is fetched with one more ranged GET")
    void footerLargerThanFirstRead() {
        String bucket = SharedS3.newBucket();
        byte[] file = DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 1234), 10, ParquetSpec.dmsDefaults(), 5);
        put(s3, bucket, "s/t/LOAD00000001.parquet", file);
        TargetCount c = count(S3Target.builder().bucket(bucket).footerReadSize(16).build(), "s", "t", List.of());
        assertThat(c.fullLoadRows()).isEqualTo(1234);
        assertThat(c.getRequests()).isEqualTo(2);
    }

    @Test
    @DisplayName("listing follows continuation tokens across pages")
    void paginatedListing() {
        String bucket = SharedS3.newBucket();
        for (int i = 1; i <= 11; i++) {
            put(s3, bucket, String.format("s/t/LOAD%08X.csv", i), csv(rows(i * 100, i * 100 + i - 1)));
        }
        TargetCount c = count(S3Target.builder().bucket(bucket).listPageSize(3).build(), "s", "t", List.of());
        assertThat(c.fullLoadObjects()).isEqualTo(11);
        assertThat(c.fullLoadRows()).isEqualTo(66);
    }

    @Test
    @DisplayName("a table without any object is reported as not existing")
    void missingFolder() {
        String bucket = SharedS3.newBucket();
        TargetCount c = count(S3Target.builder().bucket(bucket).build(), "s", "nothing", List.of());
        assertThat(c.exists()).isFalse();
        assertThat(c.rows()).isZero();
    }
}
