package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3ObjectNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "hub/sales/orders/LOAD00000001.csv, FULL_LOAD",
        "hub/sales/orders/LOAD0000000A.csv.gz, FULL_LOAD",
        "hub/sales/orders/LOAD00000010.parquet, FULL_LOAD",
        "sales/orders/part_eu/LOAD00000001.csv, FULL_LOAD",
        "sales/orders/SEGMENT3_LOAD00000002.csv, FULL_LOAD",
        "sales/orders/LOAD001.csv, FULL_LOAD",
        "sales/orders/20240809-192717787.csv, CDC",
        "sales/orders/20141029-1134010000.csv, CDC",
        "sales/orders/2024/05/28/20240528-195141380.parquet, CDC",
        "sales/orders/20240528195141380.csv.gz, CDC",
        "changes/CDC_TXN-20201117153046033.csv, CDC_TXN",
        "sales/orders/LOAD00000001.dfm, OTHER",
        "sales/orders/, OTHER",
        "sales/orders/notes.json, OTHER",
        "sales/orders/readme.csv, OTHER"
    })
    @DisplayName("object names are classified as DMS writes them, from the name alone")
    void classifies(String key, S3ObjectKind kind) {
        assertThat(S3ObjectNames.kindOf(key)).isEqualTo(kind);
    }

    @Test
    @DisplayName("the names of the real DMS output in the corpus parse to their table, counter and time")
    void realNames() {
        S3ObjectNames names = S3OutputSettings.of(b -> b.bucketName("b")).objectNames();

        S3ObjectKey load = names.parse("classicmodels/customers/LOAD00000001.csv");
        S3ObjectKey cdc = names.parse("classicmodels/customers/20240809-192717787.csv");
        S3ObjectKey docs = names.parse("sales/orders/20141029-1134010000.csv");

        assertThat(load.kind()).isEqualTo(S3ObjectKind.FULL_LOAD);
        assertThat(load.schema()).contains("classicmodels");
        assertThat(load.table()).contains("customers");
        assertThat(load.loadSequence()).hasValue(1);
        assertThat(cdc.kind()).isEqualTo(S3ObjectKind.CDC);
        assertThat(cdc.fileTime()).contains(LocalDateTime.of(2024, 8, 9, 19, 27, 17, 787_000_000));
        assertThat(docs.fileTime()).contains(LocalDateTime.of(2014, 10, 29, 11, 34, 1));
    }

    @Test
    @DisplayName("keys are produced in DMS's layout: hex counter, date partitions in their zone, CDC_TXN under CdcPath")
    void producedLayout() {
        S3OutputSettings s = S3OutputSettings.of(b -> b.bucketName("b").bucketFolder("hub").gzip(true)
                .datePartitionEnabled(true).datePartitionSequence(DatePartitionSequence.DDMMYYYY)
                .datePartitionDelimiter(DatePartitionDelimiter.DASH).datePartitionTimezone(ZoneId.of("Asia/Tokyo")));
        S3ObjectNames names = s.objectNames();
        Instant t = Instant.parse("2024-05-28T20:15:30.123456Z");

        assertThat(names.fullLoadKey("s", "t", 10)).isEqualTo("hub/s/t/LOAD0000000A.csv.gz");
        assertThat(names.fullLoadKey("s", "t", "eu", 1)).isEqualTo("hub/s/t/eu/LOAD00000001.csv.gz");
        assertThat(names.segmentLoadKey("s", "t", 2, 1)).isEqualTo("hub/s/t/SEGMENT2_LOAD00000001.csv.gz");
        assertThat(names.cdcKey("s", "t", t)).isEqualTo("hub/s/t/29-05-2024/20240529-051530123.csv.gz");
        assertThat(names.cdcPathPrefix()).isEmpty();
        S3ObjectNames txn = s.toBuilder().datePartitionEnabled(false).preserveTransactions(true).cdcPath("cdc")
                .dataFormat(S3DataFormat.PARQUET).build().objectNames();
        assertThat(txn.cdcTxnKey(t)).isEqualTo("hub/cdc/CDC_TXN-20240529051530123.csv.gz");
        assertThat(txn.fullLoadKey("s", "t", 1)).isEqualTo("hub/s/t/LOAD00000001.parquet");
        assertThat(names.parse("other/s/t/LOAD00000001.csv").kind()).isEqualTo(S3ObjectKind.OTHER);
    }
}
