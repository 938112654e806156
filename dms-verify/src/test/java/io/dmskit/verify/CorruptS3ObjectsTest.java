package io.dmskit.verify;

import static io.dmskit.verify.support.DmsS3Fixtures.csv;
import static io.dmskit.verify.support.DmsS3Fixtures.gzip;
import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static io.dmskit.verify.support.DmsS3Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dmskit.model.s3.CsvFormatException;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.TargetReadException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 15: a truncated or corrupt DMS object on the S3 target surfaces as one {@link TargetReadException} naming
 * the object's {@code s3://bucket/key}, with the reader's typed error as its cause, never as a raw parser exception.
 */
@DisplayName("Corrupt S3 objects are reported with their key")
class CorruptS3ObjectsTest {

    private final S3Client s3 = SharedS3.get().client();

    static Stream<Arguments> corruptObjects() {
        byte[] parquet = DmsS3Fixtures.parquet(List.of("I", "U", "D", "I"), List.of(1, 2, 3, 4), 0,
                ParquetSpec.dmsDefaults(), 3);
        byte[] hugeFooter = parquet.clone();
        hugeFooter[hugeFooter.length - 5] = 0x7f; // the footer length's high byte: about 2 GB
        byte[] gz = gzip(csv(rows(1, 2000)));
        return Stream.of(
                Arguments.of("LOAD00000001.csv", "id,name\n1,\"never closed\n2,b\n".getBytes(StandardCharsets.UTF_8),
                        CsvFormatException.class, "never closed"),
                Arguments.of("LOAD00000002.csv.gz", Arrays.copyOf(gz, gz.length / 2), CsvFormatException.class,
                        "gzip"),
                Arguments.of("LOAD00000003.csv", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8},
                        CsvFormatException.class, "gzip"),
                Arguments.of("LOAD00000004.parquet", Arrays.copyOfRange(parquet, 0, parquet.length - 3),
                        ParquetFormatException.class, "PAR1"),
                Arguments.of("LOAD00000005.parquet", hugeFooter, ParquetFormatException.class, "maxFooterBytes"),
                Arguments.of("20260101-000000000.parquet", corruptMiddle(parquet), ParquetFormatException.class, ""));
    }

    /** A Parquet CDC object whose footer survives but whose Op column chunk is garbage. */
    private static byte[] corruptMiddle(byte[] parquet) {
        byte[] bad = parquet.clone();
        for (int i = 4; i < Math.min(bad.length / 3, 200); i++) {
            bad[i] = (byte) 0xff;
        }
        return bad;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptObjects")
    @DisplayName("counting a table with a corrupt object fails with TargetReadException naming the object")
    void corruptObjectIsNamed(String name, byte[] content, Class<? extends Throwable> cause, String detail) {
        String bucket = SharedS3.newBucket();
        put(s3, bucket, "sales/orders/LOAD00000009.csv", csv(rows(1, 10)));
        put(s3, bucket, "sales/orders/" + name, content);

        Throwable t;
        try (S3TableCounter c = S3TableCounter.create(s3, S3Target.builder().bucket(bucket).build())) {
            t = catchThrowable(() -> c.count("sales", "orders", List.of()));
        }

        assertThat(t).isInstanceOf(TargetReadException.class)
                .hasMessageContaining("s3://" + bucket + "/sales/orders/" + name)
                .hasMessageContaining(detail);
        assertThat(causes(t)).anyMatch(cause::isInstance);
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && out.size() < 10; c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    @Test
    @DisplayName("mutated objects either count or fail with TargetReadException naming the object")
    void mutatedObjects() {
        byte[] parquet = DmsS3Fixtures.parquet(List.of("I", "U", "D", "I", "I"), List.of(1, 2, 3, 4, 5), 0,
                ParquetSpec.dmsDefaults(), 5);
        byte[] csv = csv(rows(1, 50));
        Random r = new Random(15);
        String bucket = SharedS3.newBucket();
        try (S3TableCounter c = S3TableCounter.create(s3, S3Target.builder().bucket(bucket).build())) {
            for (int i = 0; i < 24; i++) {
                boolean pq = i % 2 == 0;
                byte[] bad = (pq ? parquet : csv).clone();
                for (int k = 0, n = 1 + r.nextInt(6); k < n; k++) {
                    bad[r.nextInt(bad.length)] = (byte) r.nextInt(256);
                }
                String table = "t" + i;
                String key = "s/" + table + "/" + (i % 4 < 2 ? "LOAD00000001" : "20260101-000000000")
                        + (pq ? ".parquet" : ".csv");
                put(s3, bucket, key, bad);
                Throwable t = catchThrowable(() -> c.count("s", table, List.of()));
                if (t != null) {
                    assertThat(t).as("object %s", key).isInstanceOf(TargetReadException.class)
                            .hasMessageContaining("s3://" + bucket + "/" + key);
                }
            }
        }
    }
}
