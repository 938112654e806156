package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetFormatException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class SnappyProperties {

    /** Random bytes, and bytes drawn from a tiny alphabet so the compressor finds long matches. */
    @Provide
    Arbitrary<byte[]> blocks() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(5_000);
        Arbitrary<byte[]> repetitive = Arbitraries.bytes().between((byte) 'a', (byte) 'c').array(byte[].class)
                .ofMaxSize(100_000);
        return Arbitraries.oneOf(random, repetitive);
    }

    @Property(tries = 300)
    void whatIsCompressedDecompressesToTheSameBytes(@ForAll("blocks") byte[] data) {
        byte[] block = Snappy.compress(data);

        assertThat(Snappy.decompress(block, 0, block.length, data.length)).isEqualTo(data);
    }

    @Property(tries = 1000)
    void damagedBlocksFailOnlyWithParquetFormatException(@ForAll("blocks") byte[] data, @ForAll long seed) {
        byte[] block = Snappy.compress(data);
        Random r = new Random(seed);
        byte[] bad = r.nextBoolean() ? Arrays.copyOf(block, r.nextInt(block.length)) : block.clone();
        if (bad.length > 0 && bad.length == block.length) {
            bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
        }

        Throwable t = catchThrowable(() -> Snappy.decompress(bad, 0, bad.length, data.length));

        if (t != null) {
            assertThat(t).isInstanceOf(ParquetFormatException.class);
        }
    }

    @Example
    void aBlockCannotAnnounceMoreThanItCanExpandTo() {
        byte[] block = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x00, 'x'};

        assertThatThrownBy(() -> Snappy.decompress(block, 0, block.length, Integer.MAX_VALUE))
                .isInstanceOf(ParquetFormatException.class).hasMessageContaining("cannot hold");
    }
}
