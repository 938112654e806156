package io.dmskit.verify.internal.content;

import io.dmskit.model.s3.parquet.ParquetReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parquet writers may annotate a column only with the newer {@code LogicalType} and leave the legacy
 * {@code ConvertedType} out (Arrow's C++ writer does so for timestamps not adjusted to UTC): such timestamps, strings
 * and dates must still read as values, not as raw numbers and bytes.
 */
@DisplayName("Parquet columns annotated only with a LogicalType read as their values")
class ParquetLogicalTypeOnlyTest {

    @Test
    @DisplayName("TIMESTAMP(MICROS/MILLIS, not UTC-adjusted), STRING and DATE without ConvertedType")
    void logicalOnly(@TempDir Path dir) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message m { optional int64 us (TIMESTAMP(MICROS,false));"
                + " optional int64 ms (TIMESTAMP(MILLIS,false)); optional binary s (STRING); optional int32 d (DATE); }");
        Path file = dir.resolve("f.parquet");
        LocalDateTime t = LocalDateTime.of(2024, 5, 28, 19, 51, 41, 388_146_000);
        long micros = t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + 388_146;
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(new Configuration()).withType(schema).build()) {
            w.write(new SimpleGroupFactory(schema).newGroup().append("us", micros).append("ms", micros / 1000)
                    .append("s", "Grüße").append("d", (int) LocalDate.of(2024, 5, 28).toEpochDay()));
        }
        byte[] bytes = Files.readAllBytes(file);
        int len = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = bytes.length - 8 - len;
        FileMetaData md = Util.readFileMetaData(new ByteArrayInputStream(bytes, start, len));
        for (SchemaElement e : md.getSchema()) {
            if (e.isSetLogicalType()) {
                e.unsetConverted_type();
            }
        }
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(md, footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, start);
        out.write(footer.toByteArray());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write("PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        List<Object[]> rows = ParquetReader.readRows(out.toByteArray());
        assertThat(rows).hasSize(1);
        assertThat(Arrays.asList(rows.get(0))).containsExactly(t, t.withNano(388_000_000), "Grüße",
                LocalDate.of(2024, 5, 28));
    }
}
