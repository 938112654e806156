package io.dmskit.model.s3.parquet.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetLimits;
import io.dmskit.model.s3.parquet.ParquetReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: hand-made Parquet structures that claim what their bytes cannot hold fail at once with
 * {@link ParquetFormatException}, before anything of the claimed size is allocated or inflated.
 */
@DisplayName("Hostile Parquet structures fail fast with ParquetFormatException")
@Timeout(10)
class HostileParquetTest {

    /** {@code PAR1}, then the footer, its length (or a forged one) and {@code PAR1}. */
    private static byte[] file(byte[] footer, int declaredLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(footer);
        out.write(declaredLength);
        out.write(declaredLength >>> 8);
        out.write(declaredLength >>> 16);
        out.write(declaredLength >>> 24);
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] file(byte[] footer) {
        return file(footer, footer.length);
    }

    @Test
    @DisplayName("a footer length larger than the file, or negative, is refused")
    void footerLength() {
        byte[] footer = new CompactWriter().structBegin().i64(3, 1).structEnd().toByteArray();
        assertThatThrownBy(() -> ParquetReader.readFooter(file(footer, 1 << 20)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("footer needs");
        assertThatThrownBy(() -> ParquetReader.readFooter(file(footer, 1 << 30)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("maxFooterBytes");
        assertThatThrownBy(() -> ParquetReader.readFooter(file(footer, -5)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("footer length");
    }

    @Test
    @DisplayName("a list header claiming 2^31 elements is refused before any element is read")
    void hugeList() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x29); // field 2 (schema), type LIST
        f.write(0xFC); // size 15 = "long form", element type STRUCT
        CompactWriter.writeVarint(f, Integer.MAX_VALUE);
        f.write(0);
        assertThatThrownBy(() -> ParquetReader.readFooter(file(f.toByteArray())))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("exceeds the bytes left");
    }

    @Test
    @DisplayName("structures nested 100,000 deep are refused without a stack overflow")
    void deepNesting() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        for (int i = 0; i < 100_000; i++) {
            f.write(0x1C); // field delta 1, type STRUCT: an unknown field, skipped recursively
        }
        assertThatThrownBy(() -> ParquetReader.readFooter(file(f.toByteArray())))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    @DisplayName("unknown Thrift field types are refused")
    void unknownFieldType() {
        for (int type : new int[] {13, 14, 15}) {
            byte[] footer = {(byte) (0x70 | type), 1, 2, 3, 0};
            assertThatThrownBy(() -> ParquetReader.readFooter(file(footer)))
                    .isInstanceOf(ParquetFormatException.class).hasMessageContaining("unknown Thrift compact type");
        }
    }

    @Test
    @DisplayName("a binary whose length runs past the footer is refused")
    void binaryLength() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x68); // field 6 (created_by), type BINARY
        CompactWriter.writeVarint(f, 1L << 40);
        assertThatThrownBy(() -> ParquetReader.readFooter(file(f.toByteArray())))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("runs past");
    }

    @Test
    @DisplayName("a schema with an absurd DECIMAL precision is refused rather than printed")
    void hugeDecimal() {
        byte[] footer = new CompactWriter().structBegin()
                .listField(2, CompactReader.T_STRUCT, 2)
                .structBegin().string(4, "root").i32(5, 1).structEnd()
                .structBegin().i32(1, 6).string(4, "d").i32(6, 5).i32(7, 1_000_000).i32(8, Integer.MAX_VALUE)
                .structEnd()
                .i64(3, 0)
                .structEnd().toByteArray();
        assertThatThrownBy(() -> ParquetReader.readFooter(file(footer)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("DECIMAL");
    }

    /** A page header of a data page v1 with the given sizes and one PLAIN value. */
    private static byte[] page(int uncompressed, int compressed, byte[] body) {
        byte[] header = new CompactWriter().structBegin().i32(1, 0).i32(2, uncompressed).i32(3, compressed)
                .structField(5).i32(1, 1).i32(2, 0).structEnd().structEnd().toByteArray();
        byte[] out = new byte[header.length + body.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(body, 0, out, header.length, body.length);
        return out;
    }

    private static ParquetFooter.ColumnChunk chunk(ParquetCompression codec, long values, long bytes) {
        return new ParquetFooter.ColumnChunk(new ParquetFooter.Leaf(ParquetColumn.int32("x"), 0, 0), codec, values,
                4, -1, bytes, null, null, -1);
    }

    @Test
    @DisplayName("a page claiming 2 GB uncompressed is refused for every codec, before inflating")
    void hugePage() {
        for (ParquetCompression codec : new ParquetCompression[] {ParquetCompression.UNCOMPRESSED,
            ParquetCompression.SNAPPY, ParquetCompression.GZIP}) {
            byte[] data = page(Integer.MAX_VALUE, 8, new byte[8]);
            assertThatThrownBy(() -> ParquetReader.readValues(chunk(codec, 1, data.length), data))
                    .isInstanceOf(ParquetFormatException.class);
        }
    }

    @Test
    @DisplayName("negative page sizes and value counts are refused")
    void negativeSizes() {
        byte[] data = page(-1, -5, new byte[8]);
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.UNCOMPRESSED, 1, data.length),
                data)).isInstanceOf(ParquetFormatException.class);
        byte[] ok = page(4, 4, new byte[4]);
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.UNCOMPRESSED, -1, ok.length), ok))
                .isInstanceOf(ParquetFormatException.class);
    }

    @Test
    @DisplayName("a chunk claiming 2^31 values in a few bytes, or beyond ParquetLimits, is refused")
    void hugeValueCount() {
        byte[] data = page(4, 4, new byte[4]);
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.UNCOMPRESSED, Integer.MAX_VALUE,
                data.length), data)).isInstanceOf(ParquetFormatException.class).hasMessageContaining("claims");
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.UNCOMPRESSED, 100, data.length),
                data, ParquetLimits.DEFAULT.withMaxValuesPerChunk(10)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("maxValuesPerChunk");
    }

    @Test
    @DisplayName("Snappy streams with copies before the start, or literals past the end, are refused")
    void badSnappy() {
        byte[] backTooFar = {10, (byte) 0x01 | (5 << 2), 100}; // copy-1 of 9 bytes at offset 100 with nothing written
        assertThatThrownBy(() -> Snappy.decompress(backTooFar, 0, backTooFar.length, 10))
                .isInstanceOf(ParquetFormatException.class);
        byte[] longLiteral = {10, (byte) (63 << 2), (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1};
        assertThatThrownBy(() -> Snappy.decompress(longLiteral, 0, longLiteral.length, 10))
                .isInstanceOf(ParquetFormatException.class);
        byte[] lies = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0};
        assertThatThrownBy(() -> Snappy.decompress(lies, 0, lies.length, Integer.MAX_VALUE))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("cannot hold");
    }

    @Test
    @DisplayName("a GZIP page that inflates beyond its declared size or the page limit stops there")
    void gzipBomb() throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(z)) {
            g.write(new byte[8 << 20]); // 8 MiB of zeros in about 8 KiB
        }
        byte[] bomb = z.toByteArray();
        byte[] declaredSmall = page(4, bomb.length, bomb);
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.GZIP, 1, declaredSmall.length),
                declaredSmall)).isInstanceOf(ParquetFormatException.class).hasMessageContaining("does not inflate");
        byte[] declaredBig = page(8 << 20, bomb.length, bomb);
        assertThatThrownBy(() -> ParquetReader.readValues(chunk(ParquetCompression.GZIP, 1, declaredBig.length),
                declaredBig, ParquetLimits.DEFAULT.withMaxPageBytes(1 << 20)))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("maxPageBytes");
    }
}
