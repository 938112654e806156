package io.dmskit.verify;

import io.dmskit.verify.internal.s3.DmsObjectKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DmsObjectKindTest {

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
    @DisplayName("object names are classified as DMS writes them")
    void classifies(String key, DmsObjectKind kind) {
        assertThat(DmsObjectKind.of(key)).isEqualTo(kind);
    }
}
