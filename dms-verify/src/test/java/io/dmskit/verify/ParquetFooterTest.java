package io.dmskit.verify;

import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetFooterTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(new ParquetSpec(CompressionCodecName.UNCOMPRESSED, false, false, 64 * 1024, 4096)),
                Arguments.of(new ParquetSpec(CompressionCodecName.UNCOMPRESSED, true, false, 128 << 20, 1 << 20)),
                Arguments.of(new ParquetSpec(CompressionCodecName.SNAPPY, true, false, 32 * 1024, 2048)),
                Arguments.of(new ParquetSpec(CompressionCodecName.SNAPPY, false, true, 128 << 20, 8192)),
                Arguments.of(new ParquetSpec(CompressionCodecName.GZIP, true, true, 48 * 1024, 4096)),
                Arguments.of(new ParquetSpec(CompressionCodecName.GZIP, false, false, 128 << 20, 1 << 20)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    @DisplayName("row count and Op values read by dms-model's ParquetReader match what parquet-java wrote")
    void footerAndOpColumnMatchTheWriter(ParquetSpec spec) {
        Random r = new Random(spec.hashCode());
        int n = 3000 + r.nextInt(2000);
        List<String> ops = new ArrayList<>();
        String[] choices = {"I", "U", "D"};
        for (int i = 0; i < n; i++) {
            ops.add(r.nextInt(50) == 0 ? null : choices[r.nextInt(3)]);
        }
        byte[] file = DmsS3Fixtures.parquet(ops, DmsS3Fixtures.ids(1, n), 20, spec, 1);
        ParquetFooter footer = ParquetReader.readFooter(file);
        assertThat(footer.numRows()).isEqualTo(n);
        assertThat(footer.rowGroups().stream().mapToLong(ParquetFooter.RowGroup::numRows).sum()).isEqualTo(n);
        assertThat(footer.leaf("op")).isPresent();
        List<String> decoded = new ArrayList<>();
        for (ParquetFooter.RowGroup rg : footer.rowGroups()) {
            ParquetFooter.ColumnChunk c = rg.columns().stream().filter(x -> x.path().equals("Op")).findFirst()
                    .orElseThrow();
            byte[] data = Arrays.copyOfRange(file, (int) c.startOffset(),
                    (int) (c.startOffset() + c.totalCompressedSize()));
            decoded.addAll(ParquetReader.readStrings(c, data));
        }
        assertThat(decoded).isEqualTo(ops);
    }

    @ParameterizedTest
    @MethodSource("specs")
    @DisplayName("every column of a parquet-java file (required INT32 ids, optional strings) reads back row by row")
    void wholeRowsMatchTheWriter(ParquetSpec spec) {
        int n = 2500;
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(i % 3 == 0 ? "U" : "I");
        }
        List<Integer> ids = DmsS3Fixtures.ids(1, n);
        byte[] file = DmsS3Fixtures.parquet(ops, ids, 0, spec, 1);
        List<Object[]> rows = ParquetReader.readRows(file);
        assertThat(rows).hasSize(n);
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            int id = ids.get(i);
            assertThat(row[0]).isEqualTo(ops.get(i));
            assertThat(row[1]).isEqualTo(id);
            assertThat(row[2]).isEqualTo("name " + id);
            assertThat(row[3]).isEqualTo(id % 4 == 0 ? "EU" : "US");
        }
    }

    @Test
    @DisplayName("statistics prove a constant Op column without reading it")
    void constantColumnFromStatistics() {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ops.add("I");
        }
        byte[] file = DmsS3Fixtures.parquet(ops, DmsS3Fixtures.ids(1, 100), 0, ParquetSpec.dmsDefaults(), 1);
        ParquetFooter footer = ParquetReader.readFooter(file);
        ParquetFooter.ColumnChunk c = footer.rowGroups().get(0).columns().get(0);
        assertThat(c.path()).isEqualTo("Op");
        assertThat(c.constantValue()).contains("I");
        assertThat(footer.rowGroups().get(0).columns().get(1).constantValue()).isEmpty();
    }

    @Test
    @DisplayName("a file that is not Parquet is rejected with a clear reason")
    void notParquet() {
        assertThatThrownBy(() -> ParquetReader.readFooter("id,name\n1,a\n".getBytes()))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("PAR1");
        byte[] enc = "xxxxxxxxxxxxPARE".getBytes();
        assertThatThrownBy(() -> ParquetReader.readFooter(enc)).hasMessageContaining("encrypted");
    }
}
