package io.dmskit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.engine.internal.ParquetFileWriter;
import io.dmskit.testkit.engine.internal.ParquetFileWriter.Column;
import io.dmskit.testkit.engine.internal.ParquetFileWriter.PhysicalType;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParquetFileWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("files written by the engine's Parquet writer are read back by parquet-java with schema, values and nulls")
    void parquetJavaReadsTheFile(boolean gzip) throws Exception {
        List<Column> columns = List.of(
                Column.string("Op"),
                Column.plain("id", PhysicalType.INT64),
                Column.plain("small", PhysicalType.INT32),
                Column.string("name"),
                Column.decimal("price", 10, 2),
                Column.decimal("big", 30, 4),
                Column.plain("ratio", PhysicalType.DOUBLE),
                Column.plain("flag", PhysicalType.BOOLEAN),
                new Column("born", PhysicalType.INT32, ParquetFileWriter.DATE, 0, 0, 0),
                new Column("at", PhysicalType.INT64, ParquetFileWriter.TIMESTAMP_MICROS, 0, 0, 0),
                Column.plain("raw", PhysicalType.BYTE_ARRAY));
        Path file = dir.resolve("t.parquet");
        int rows = 2_503; // three row groups of 1000, the last one partial
        try (OutputStream out = Files.newOutputStream(file);
             ParquetFileWriter w = new ParquetFileWriter(out, columns, gzip, 1000)) {
            for (int i = 0; i < rows; i++) {
                boolean nulls = i % 7 == 3;
                w.write(new Object[] {
                    "I", (long) i, nulls ? null : (long) (i % 100), nulls ? null : "name-" + i + "-é",
                    new BigDecimal(i + ".25"), nulls ? null : new BigDecimal("-123456789012345678901234." + i % 10 + "000"),
                    i / 4.0, i % 2 == 0, LocalDate.of(2020, 1, 1).plusDays(i),
                    LocalDateTime.of(2024, 5, 28, 19, 51, 41, 388_146_000).plusSeconds(i), new byte[] {(byte) i, 0x7f}});
            }
        }

        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration()).build())) {
            ParquetMetadata footer = reader.getFooter();
            MessageType schema = footer.getFileMetaData().getSchema();
            assertThat(footer.getBlocks()).hasSize(3);
            assertThat(schema.getFields()).hasSize(columns.size());
            assertThat(schema.getType("price").asPrimitiveType().getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.decimalType(2, 10));
            assertThat(schema.getType("name").getLogicalTypeAnnotation())
                    .isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(schema.getType("big").asPrimitiveType().getPrimitiveTypeName())
                    .isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
            List<Group> read = new ArrayList<>();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore store;
            while ((store = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(store, new GroupRecordConverter(schema));
                for (long r = 0; r < store.getRowCount(); r++) {
                    read.add(rr.read());
                }
            }
            assertThat(read).hasSize(rows);
            Group g = read.get(10);
            assertThat(g.getString("Op", 0)).isEqualTo("I");
            assertThat(g.getLong("id", 0)).isEqualTo(10L);
            assertThat(g.getInteger("small", 0)).isEqualTo(10);
            assertThat(g.getString("name", 0)).isEqualTo("name-10-é");
            assertThat(g.getInteger("price", 0)).isEqualTo(1025); // unscaled 10.25
            assertThat(new BigDecimal(new java.math.BigInteger(g.getBinary("big", 0).getBytes()), 4))
                    .isEqualByComparingTo("-123456789012345678901234.0");
            assertThat(g.getDouble("ratio", 0)).isEqualTo(2.5);
            assertThat(g.getBoolean("flag", 0)).isTrue();
            assertThat(read.get(11).getBoolean("flag", 0)).isFalse();
            assertThat(g.getInteger("born", 0)).isEqualTo((int) LocalDate.of(2020, 1, 11).toEpochDay());
            assertThat(g.getLong("at", 0)).isEqualTo(
                    LocalDateTime.of(2024, 5, 28, 19, 51, 51).toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + 388_146);
            assertThat(g.getBinary("raw", 0).getBytes()).containsExactly(10, 0x7f);
            Group withNulls = read.get(10 + 3 - 10 % 7 + 7 * 0); // row 3 has nulls
            assertThat(read.get(3).getFieldRepetitionCount("name")).isZero();
            assertThat(read.get(3).getFieldRepetitionCount("small")).isZero();
            assertThat(read.get(2502).getLong("id", 0)).isEqualTo(2502L);
            assertThat(withNulls).isNotNull();
            assertThat(footer.getBlocks().get(0).getColumns().get(3).getStatistics().getNumNulls()).isEqualTo(143);
        }
    }
}
