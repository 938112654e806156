package io.dmskit.model.s3.parquet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParquetReaderTest {

    private static byte[] file(ParquetCompression compression, Object[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ParquetWriter w = ParquetWriter.builder()
                .columns(List.of(ParquetColumn.string("Op"), ParquetColumn.int64("id")))
                .compression(compression).rowGroupLength(2).open(out)) {
            for (Object[] row : rows) {
                w.write(row);
            }
        }
        return out.toByteArray();
    }

    /** A file whose footer is {@code footer}, framed by the magic and a correct trailer. */
    private static byte[] envelope(byte[] footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(footer);
        int n = footer.length;
        out.writeBytes(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] chunkBytes(byte[] file, ParquetFooter.ColumnChunk c) {
        return Arrays.copyOfRange(file, (int) c.startOffset(), (int) (c.startOffset() + c.totalCompressedSize()));
    }

    @Test
    @DisplayName("row counts come from the footer alone, and chunks decode on their own bytes")
    void footerThenChunks() {
        byte[] file = file(ParquetCompression.SNAPPY, new Object[] {"I", 1L}, new Object[] {"U", null},
                new Object[] {null, 3L});

        ParquetFooter footer = ParquetReader.readFooter(file);

        assertThat(footer.numRows()).isEqualTo(3);
        assertThat(footer.rowGroups()).extracting(ParquetFooter.RowGroup::numRows).containsExactly(2L, 1L);
        ParquetFooter.ColumnChunk op = footer.rowGroups().get(0).column("op").orElseThrow();
        assertThat(ParquetReader.readStrings(op, chunkBytes(file, op))).containsExactly("I", "U");
        ParquetFooter.ColumnChunk id = footer.rowGroups().get(0).column("id").orElseThrow();
        assertThat(ParquetReader.readValues(id, chunkBytes(file, id))).containsExactly(1L, null);
        assertThat(ParquetReader.readStrings(id, chunkBytes(file, id))).containsExactly("1", null);
        assertThat(footer.leaf("ID")).map(ParquetFooter.Leaf::column).contains(ParquetColumn.int64("id"));
    }

    @Test
    @DisplayName("bytes that are not Parquet, or encrypted Parquet, are rejected with the reason")
    void notParquet() {
        assertThatThrownBy(() -> ParquetReader.readFooter("id,name\n1,a\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("PAR1");
        assertThatThrownBy(() -> ParquetReader.readFooter("xxxxxxxxxxxxPARE".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> ParquetReader.footerLength(new byte[] {'P', 'A', 'R', '1'}))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("shorter than 8 bytes");
    }

    @Test
    @DisplayName("a footer longer than the bytes at hand is reported, so the caller can fetch more")
    void footerLongerThanTheTail() {
        byte[] file = file(ParquetCompression.UNCOMPRESSED, new Object[] {"I", 1L});
        byte[] tail = Arrays.copyOfRange(file, file.length - 20, file.length);

        assertThat(ParquetReader.footerLength(tail)).isGreaterThan(12);
        assertThatThrownBy(() -> ParquetReader.readFooter(tail))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("the footer needs");
    }

    @Test
    @DisplayName("a footer announcing a billion schema elements in a few bytes fails at once, allocating nothing")
    void hugeListClaim() {
        // FileMetaData { 1: version = 1, 2: list<struct> of size 1,000,000,000 } and nothing after
        byte[] footer = {0x15, 0x02, 0x19, (byte) 0xFC, (byte) 0x80, (byte) 0x94, (byte) 0xEB, (byte) 0xDC, 0x03};

        assertThatThrownBy(() -> ParquetReader.readFooter(envelope(footer)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("list size 1000000000");
    }

    @Test
    @DisplayName("structures nested deeper than any Parquet footer fail instead of overflowing the stack")
    void deepNesting() {
        byte[] footer = new byte[100_000];
        footer[0] = 0x7C; // field 7 (unknown to the reader, skipped) of type struct, and so on, a struct in a struct
        Arrays.fill(footer, 1, footer.length, (byte) 0x1C);

        assertThatThrownBy(() -> ParquetReader.readFooter(envelope(footer)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    @DisplayName("a chunk claiming far more values than its bytes can hold is rejected before allocating them")
    void valueCountOutOfProportion() {
        byte[] file = file(ParquetCompression.UNCOMPRESSED, new Object[] {"I", 1L});
        ParquetFooter.ColumnChunk real = ParquetReader.readFooter(file).rowGroups().get(0).columns().get(0);
        ParquetFooter.ColumnChunk lying = new ParquetFooter.ColumnChunk(real.leaf(), real.compression(),
                Integer.MAX_VALUE - 8L, real.dataPageOffset(), real.dictionaryPageOffset(),
                real.totalCompressedSize(), null, null, -1);

        assertThatThrownBy(() -> ParquetReader.readStrings(lying, chunkBytes(file, real)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("claims 2147483639 values");
    }

    @Test
    @DisplayName("a codec this reader does not implement is named in the error")
    void unsupportedCodec() {
        byte[] file = file(ParquetCompression.UNCOMPRESSED, new Object[] {"I", 1L});
        ParquetFooter.ColumnChunk real = ParquetReader.readFooter(file).rowGroups().get(0).columns().get(0);
        ParquetFooter.ColumnChunk zstd = new ParquetFooter.ColumnChunk(real.leaf(), ParquetCompression.ZSTD,
                real.numValues(), real.dataPageOffset(), real.dictionaryPageOffset(), real.totalCompressedSize(),
                null, null, -1);

        assertThatThrownBy(() -> ParquetReader.readValues(zstd, chunkBytes(file, real)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("ZSTD").hasMessageContaining("Op");
    }

    @Test
    @DisplayName("statistics prove a constant column only when min equals max and nothing is null")
    void constantValue() {
        ParquetFooter.Leaf leaf = new ParquetFooter.Leaf(ParquetColumn.string("Op"), 1, 0);
        byte[] i = {'I'};
        assertThat(new ParquetFooter.ColumnChunk(leaf, ParquetCompression.SNAPPY, 5, 4, -1, 10, i, i, 0)
                .constantValue()).contains("I");
        assertThat(new ParquetFooter.ColumnChunk(leaf, ParquetCompression.SNAPPY, 5, 4, -1, 10, i, i, 1)
                .constantValue()).isEmpty();
        assertThat(new ParquetFooter.ColumnChunk(leaf, ParquetCompression.SNAPPY, 5, 4, -1, 10, i, new byte[] {'U'},
                0).constantValue()).isEmpty();
    }
}
