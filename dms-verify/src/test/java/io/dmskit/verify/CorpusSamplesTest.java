package io.dmskit.verify;

import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.TargetCount;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real DMS S3 output committed by users to public repositories (see shared/corpus/dms-s3-output/SOURCES.md), read
 * from that folder when present (never copied into this repository) and counted through LocalS3.
 */
@DisplayName("Real DMS S3 output samples are counted correctly")
class CorpusSamplesTest {

    // CI clones the repository with shared/ beside it; developers have it at /work/shared.
    private static final Path CORPUS = Path.of(System.getenv().getOrDefault("DMSKIT_S3_CORPUS",
            Files.isDirectory(Path.of("../../shared/corpus/dms-s3-output")) ? "../../shared/corpus/dms-s3-output"
                    : "/work/shared/corpus/dms-s3-output"));
    private final S3Client s3 = SharedS3.get().client();

    private static byte[] sample(String relative) throws IOException {
        Path p = CORPUS.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "corpus sample not present: " + p);
        return Files.readAllBytes(p);
    }

    private static long lines(byte[] data) {
        long n = 0;
        for (byte b : data) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    @Test
    @DisplayName("classicmodels customers: 122-row full load (quoted commas) and a 4-row I/U/D/I CDC file")
    void classicModelsCustomers() throws IOException {
        byte[] load = sample("classicmodels-customers/LOAD00000001.csv");
        byte[] cdc = sample("classicmodels-customers/20240809-192717787.csv");
        String bucket = SharedS3.newBucket();
        DmsS3Fixtures.put(s3, bucket, "classicmodels/customers/LOAD00000001.csv", load);
        DmsS3Fixtures.put(s3, bucket, "classicmodels/customers/20240809-192717787.csv", cdc);
        try (S3TableCounter c = S3TableCounter.create(s3, S3Target.builder().bucket(bucket).build())) {
            TargetCount t = c.count("classicmodels", "customers", List.of("customerNumber", "customerName",
                    "contactLastName", "contactFirstName", "phone", "addressLine1", "addressLine2", "city", "state",
                    "postalCode", "country", "salesRepEmployeeNumber", "creditLimit"));
            assertThat(t.fullLoadRows()).isEqualTo(lines(load)).isEqualTo(122);
            assertThat(t.inserts()).isEqualTo(2);
            assertThat(t.updates()).isEqualTo(1);
            assertThat(t.deletes()).isEqualTo(1);
            assertThat(t.rows()).isEqualTo(123);
            TargetCount blind = c.count("classicmodels", "customers", List.of());
            assertThat(blind.fullLoadRows()).isEqualTo(122);
            assertThat(blind.rows()).isEqualTo(123);
        }
    }

    @Test
    @DisplayName("mlb_data excerpt with a header row (AddColumnName) counts its 50 data rows")
    void mlbDataWithHeader() throws IOException {
        byte[] load = sample("dms_sample-mlb_data-excerpt/LOAD00000001.csv");
        String header = new String(load, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String bucket = SharedS3.newBucket();
        DmsS3Fixtures.put(s3, bucket, "dms_sample/mlb_data/LOAD00000001.csv", load);
        S3Target target = S3Target.builder().bucket(bucket).build();
        try (S3TableCounter c = S3TableCounter.create(s3, target)) {
            TargetCount recognised = c.count("dms_sample", "mlb_data", Arrays.asList(header.split(",")));
            assertThat(recognised.fullLoadRows()).isEqualTo(lines(load) - 1).isEqualTo(50);
            TargetCount unknownColumns = c.count("dms_sample", "mlb_data", List.of());
            assertThat(unknownColumns.fullLoadRows()).isEqualTo(50);
        }
        try (S3TableCounter c = S3TableCounter.create(s3, target.toBuilder().addColumnName(true).build())) {
            assertThat(c.count("dms_sample", "mlb_data", List.of()).fullLoadRows()).isEqualTo(50);
        }
    }

    @Test
    @DisplayName("the User Guide's CDC_TXN example is split per table; its CDC example has 1 insert, 2 updates, 1 delete")
    void userGuideExamples() throws IOException {
        byte[] txn = sample("aws-docs-examples/CDC_TXN-transaction-file-example.csv");
        byte[] cdc = sample("aws-docs-examples/cdc-employee-example.csv");
        String bucket = SharedS3.newBucket();
        DmsS3Fixtures.put(s3, bucket, "txn/CDC_TXN-20201117153046033.csv", txn);
        DmsS3Fixtures.put(s3, bucket, "hr/employee/20141029-1134010000.csv", cdc);
        try (S3TableCounter c = S3TableCounter.create(s3, S3Target.builder().bucket(bucket).cdcPath("txn").build())) {
            TargetCount a = c.count("rdsTempsdb", "Names_03cdcad11a", List.of());
            TargetCount b = c.count("rdsTempsdb", "Names_6d152ce62d", List.of());
            assertThat(a.inserts()).isEqualTo(2);
            assertThat(a.updates()).isEqualTo(1);
            assertThat(a.deletes()).isEqualTo(1);
            assertThat(b.inserts()).isEqualTo(2);
            assertThat(b.deletes()).isZero();
            TargetCount e = c.count("hr", "employee", List.of());
            assertThat(e.inserts()).isEqualTo(1);
            assertThat(e.updates()).isEqualTo(2);
            assertThat(e.deletes()).isEqualTo(1);
            assertThat(e.rows()).isZero();
        }
    }
}
