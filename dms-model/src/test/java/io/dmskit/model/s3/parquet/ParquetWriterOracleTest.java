package io.dmskit.model.s3.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetWriterOracleTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ParquetCompression.class, names = {"UNCOMPRESSED", "SNAPPY", "GZIP"})
    @DisplayName("files of our Parquet writer are read back by parquet-java with schema, row groups, values and nulls")
    void parquetJavaReadsTheFile(ParquetCompression compression) throws Exception {
        List<ParquetColumn> columns = List.of(
                ParquetColumn.string("Op"),
                ParquetColumn.int64("id"),
                ParquetColumn.int32("small"),
                ParquetColumn.string("name"),
                ParquetColumn.decimal("price", 10, 2),
                ParquetColumn.decimal("big", 30, 4),
                ParquetColumn.float64("ratio"),
                ParquetColumn.bool("flag"),
                ParquetColumn.date("born"),
                ParquetColumn.timestampMicros("at"),
                ParquetColumn.binary("raw"));
        Path file = dir.resolve("t.parquet");
        int rows = 2_503; // three row groups of 1000, the last one partial
        try (OutputStream out = Files.newOutputStream(file);
             ParquetWriter w = ParquetWriter.builder().columns(columns).compression(compression).rowGroupLength(1000)
                     .open(out)) {
            for (int i = 0; i < rows; i++) {
                boolean nulls = i % 7 == 3;
                w.write(
                    "I", (long) i, nulls ? null : (long) (i % 100), nulls ? null : "name-" + i + "-é",
                    new BigDecimal(i + ".25"), nulls ? null : new BigDecimal("-123456789012345678901234." + i % 10 + "000"),
                    i / 4.0, i % 2 == 0, LocalDate.of(2020, 1, 1).plusDays(i),
                    LocalDateTime.of(2024, 5, 28, 19, 51, 41, 388_146_000).plusSeconds(i), new byte[] {(byte) i, 0x7f});
            }
        }

        try (ParquetFileReader reader = ParquetJava.open(file)) {
            ParquetMetadata footer = reader.getFooter();
            MessageType schema = footer.getFileMetaData().getSchema();
            assertThat(footer.getBlocks()).hasSize(3);
            assertThat(footer.getBlocks()).extracting(b -> b.getRowCount()).containsExactly(1000L, 1000L, 503L);
            assertThat(footer.getBlocks().get(0).getColumns().get(0).getCodec())
                    .isEqualTo(CompressionCodecName.valueOf(compression.name()));
            assertThat(schema.getFields()).hasSize(columns.size());
            assertThat(schema.getType("price").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 10));
            assertThat(schema.getType("name").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
            assertThat(schema.getType("born").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.dateType());
            assertThat(schema.getType("big").asPrimitiveType().getPrimitiveTypeName())
                    .isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
            assertThat(footer.getBlocks().get(0).getColumns().get(3).getStatistics().getNumNulls())
                    .as("rows 3, 10, ... 997 of the first row group are null").isEqualTo(143);
        }

        List<Group> read = ParquetJava.read(file);
        assertThat(read).hasSize(rows);
        Group g = read.get(11);
        assertThat(g.getString("Op", 0)).isEqualTo("I");
        assertThat(g.getLong("id", 0)).isEqualTo(11L);
        assertThat(g.getInteger("small", 0)).isEqualTo(11);
        assertThat(g.getString("name", 0)).isEqualTo("name-11-é");
        assertThat(g.getLong("price", 0)).as("unscaled 11.25 in INT64 (precision 10)").isEqualTo(1125L);
        assertThat(new BigDecimal(new BigInteger(g.getBinary("big", 0).getBytes()), 4))
                .isEqualByComparingTo("-123456789012345678901234.1");
        assertThat(g.getDouble("ratio", 0)).isEqualTo(2.75);
        assertThat(g.getBoolean("flag", 0)).isFalse();
        assertThat(read.get(12).getBoolean("flag", 0)).isTrue();
        assertThat(g.getInteger("born", 0)).isEqualTo((int) LocalDate.of(2020, 1, 12).toEpochDay());
        assertThat(g.getLong("at", 0)).isEqualTo(
                LocalDateTime.of(2024, 5, 28, 19, 51, 52).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 388_146);
        assertThat(g.getBinary("raw", 0).getBytes()).containsExactly(11, 0x7f);
        assertThat(read.get(10).getFieldRepetitionCount("name")).as("row 10 has NULL name").isZero();
        assertThat(read.get(10).getFieldRepetitionCount("small")).isZero();
        assertThat(read.get(10).getLong("id", 0)).isEqualTo(10L);
        assertThat(read.get(2502).getLong("id", 0)).isEqualTo(2502L);
    }
}
