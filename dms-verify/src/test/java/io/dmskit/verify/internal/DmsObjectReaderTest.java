package io.dmskit.verify.internal;

import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3Target;
import java.util.List;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** What the CDC probe reads through {@link DmsObjectReader} (LocalS3 over HTTP). */
@DisplayName("Reading DMS objects for the CDC probe")
class DmsObjectReaderTest {

    private final S3Client s3 = SharedS3.get().client();

    @Test
    @DisplayName("string columns of a Parquet CDC object are read row by row (what the CDC probe searches)")
    void parquetRowsForTheProbe() {
        String bucket = SharedS3.newBucket();
        List<String> ops = List.of("I", "U", "D", "I");
        ParquetSpec spec = new ParquetSpec(CompressionCodecName.GZIP, false, true, 128 << 20, 1 << 20);
        put(s3, bucket, "s/t/20260101-000000000.parquet", DmsS3Fixtures.parquet(ops, List.of(7, 7, 7, 8), 0, spec, 9));
        DmsObjectReader reader = new DmsObjectReader(s3, S3Target.builder().bucket(bucket).build());
        assertThat(reader.isParquet("s/t/20260101-000000000.parquet")).isTrue();
        List<String[]> rows = reader.parquetRows("s/t/20260101-000000000.parquet", List.of("Op", "name", "absent"),
                new DmsObjectReader.IoStats());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("U", "name 7", null);
        assertThat(rows.get(3)).containsExactly("I", "name 8", null);
    }
}
