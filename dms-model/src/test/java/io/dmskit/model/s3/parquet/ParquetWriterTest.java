package io.dmskit.model.s3.parquet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetWriterTest {

    @Test
    @DisplayName("an invalid writer is reported with every problem at once")
    void everyProblemAtOnce() {
        ParquetWriter.Builder b = ParquetWriter.builder().compression(ParquetCompression.LZO).rowGroupLength(0);

        assertThatThrownBy(() -> b.open(new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add at least one column")
                .hasMessageContaining("use compression UNCOMPRESSED, SNAPPY or GZIP, not LZO")
                .hasMessageContaining("set rowGroupLength to at least 1, not 0");
    }

    @Test
    @DisplayName("two columns with one name are rejected")
    void duplicateNames() {
        ParquetWriter.Builder b = ParquetWriter.builder()
                .columns(List.of(ParquetColumn.string("id"), ParquetColumn.int64("id")));

        assertThatThrownBy(() -> b.open(new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct name");
    }

    @Test
    @DisplayName("decimal columns take the smallest physical type, and precision beyond 38 is refused")
    void decimalLayout() {
        assertThat(ParquetColumn.decimal("a", 9, 2).type()).isEqualTo(ParquetType.INT32);
        assertThat(ParquetColumn.decimal("a", 18, 2).type()).isEqualTo(ParquetType.INT64);
        assertThat(ParquetColumn.decimal("a", 38, 2).typeLength()).isEqualTo(16);
        assertThatThrownBy(() -> ParquetColumn.decimal("a", 39, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..38");
    }

    @Test
    @DisplayName("rows must match the schema, and nothing is written after close")
    void rowsMatchTheSchema() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ParquetWriter w = ParquetWriter.builder().column(ParquetColumn.int64("id")).open(out);

        assertThatThrownBy(() -> w.write(1L, 2L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row has 2 values, schema has 1");
        w.close();
        int size = out.size();
        w.close();
        assertThat(out.size()).as("a second close writes nothing").isEqualTo(size);
        assertThatThrownBy(() -> w.write(1L)).isInstanceOf(ParquetFormatException.class).hasMessageContaining("closed");
    }

    @Test
    @DisplayName("values a column cannot hold are written as null, and the rest of the row is kept")
    void unrepresentableValuesBecomeNull() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetWriter w = ParquetWriter.builder()
                .columns(List.of(ParquetColumn.int64("id"), ParquetColumn.decimal("price", 4, 2),
                        ParquetColumn.date("born")))
                .open(out)) {
            w.write("not a number", new BigDecimal("123.45"), "2020-01-01");
            w.write(7L, new BigDecimal("12.345"), null);
            assertThat(w.rowCount()).isEqualTo(2);
            assertThat(w.estimatedSize()).isPositive();
        }

        List<Object[]> rows = ParquetReader.readRows(out.toByteArray());

        assertThat(rows.get(0)).containsExactly(null, new BigDecimal("123.45"), null);
        assertThat(rows.get(1)).containsExactly(7L, new BigDecimal("12.35"), null);
    }
}
