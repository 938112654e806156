package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With DatePartitionEnabled, DMS writes "data from a single source table to a time-hierarchy folder structure" (user
 * guide, Using date-based folder partitioning): the full load as well as CDC files lie in the date folders.
 */
class S3ObjectNamesDatePartitionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hub/sales/orders/2024/12/31/LOAD00000001.csv, FULL_LOAD, 2024/12/31",
        "hub/sales/orders/2024_12_31_23/LOAD0000000A.csv.gz, FULL_LOAD, 2024_12_31_23",
        "hub/sales/orders/31/12/2024/LOAD00000002.parquet, FULL_LOAD, 31/12/2024",
        "hub/sales/orders/2025/01/01/20250101-000203500.csv, CDC, ",
    })
    @DisplayName("full-load and CDC files in date-partition folders are read as the table's")
    void dateFolders(String key, S3ObjectKind kind, String folder) {
        S3ObjectNames names = S3OutputSettings.of(b -> b.bucketName("b").bucketFolder("hub")).objectNames();
        S3ObjectKey k = names.parse(key);
        assertThat(k.kind()).isEqualTo(kind);
        assertThat(k.schema()).contains("sales");
        assertThat(k.table()).contains("orders");
        if (kind == S3ObjectKind.FULL_LOAD) {
            assertThat(k.segmentFolder()).contains(folder);
        }
    }
}
