package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

class S3OutputSettingsTest {

    @Test
    @DisplayName("settings left out of S3Settings take DMS's documented defaults")
    void defaults() {
        S3OutputSettings s = S3OutputSettings.from(S3Settings.builder().bucketName("b").bucketFolder("/a/b/").build());

        assertThat(s.bucketFolder()).contains("a/b");
        assertThat(s.dataFormat()).isEqualTo(S3DataFormat.CSV);
        assertThat(s.csvDelimiter()).isEqualTo(",");
        assertThat(s.csvRowDelimiter()).isEqualTo("\n");
        assertThat(s.csvNullValue()).isEmpty();
        assertThat(s.rfc4180()).isTrue();
        assertThat(s.addColumnName()).isFalse();
        assertThat(s.maxFileSizeBytes()).isEqualTo(1_048_576L * 1024);
        assertThat(s.cdcMaxBatchInterval()).hasSeconds(60);
        assertThat(s.cdcMinFileSizeBytes()).isEqualTo(32_000L * 1024);
        assertThat(s.datePartitionSequence()).isEqualTo(DatePartitionSequence.YYYYMMDD);
        assertThat(s.datePartitionDelimiter()).isEqualTo(DatePartitionDelimiter.SLASH);
        assertThat(s.datePartitionTimezone()).isEqualTo(ZoneId.of("Z"));
        assertThat(s.rowGroupLength()).isEqualTo(10_000);
        assertThat(s.objectNames().extension()).isEqualTo(".csv");
        assertThat(s.objectNames().tablePrefix("s", "t")).isEqualTo("a/b/s/t/");
        assertThat(s).isEqualTo(S3OutputSettings.of(b -> b.bucketName("b").bucketFolder("a/b")));
    }

    @Test
    @DisplayName("delimiters echoed escaped by DescribeEndpoints are unescaped; enum values in any case are read")
    void echoedValues() {
        S3OutputSettings s = S3OutputSettings.from(S3Settings.builder().bucketName("b").csvDelimiter("\\t")
                .csvRowDelimiter("\\r\\n").dataFormat("PARQUET").compressionType("GZIP")
                .datePartitionSequence("yyyymmddhh").datePartitionDelimiter("dash").datePartitionTimezone("Asia/Tokyo")
                .useCsvNoSupValue(true).csvNoSupValue("-").preserveTransactions(true).cdcPath("/txn/").build());

        assertThat(s.csvDelimiter()).isEqualTo("\t");
        assertThat(s.csvRowDelimiter()).isEqualTo("\r\n");
        assertThat(s.parquet()).isTrue();
        assertThat(s.gzip()).isTrue();
        assertThat(s.datePartitionSequence()).isEqualTo(DatePartitionSequence.YYYYMMDDHH);
        assertThat(s.datePartitionDelimiter()).isEqualTo(DatePartitionDelimiter.DASH);
        assertThat(s.datePartitionTimezone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(s.csvNoSupValue()).contains("-");
        assertThat(s.objectNames().cdcPathPrefix()).contains("txn/");
        assertThat(S3OutputSettings.unescapeDelimiter("a\\qb\\")).isEqualTo("a\\qb\\");
        assertThat(S3OutputSettings.unescapeDelimiter("\\\\")).isEqualTo("\\");
    }

    @Test
    @DisplayName("every unsupported value is reported at once, each naming DMS's setting")
    void everyProblemAtOnce() {
        assertThatThrownBy(() -> S3OutputSettings.from(S3Settings.builder().bucketName("b").dataFormat("orc")
                .compressionType("zstd").cdcInsertsOnly(true).cdcInsertsAndUpdates(true).maxFileSize(0)
                .datePartitionTimezone("Mars/Olympus").datePartitionSequence("YYYY").preserveTransactions(true)
                .build()))
                .isInstanceOf(S3FormatException.class)
                .hasMessageContaining("DataFormat 'orc'").hasMessageContaining("CompressionType 'zstd'")
                .hasMessageContaining("mutually exclusive").hasMessageContaining("MaxFileSize 0")
                .hasMessageContaining("DatePartitionTimezone 'Mars/Olympus'")
                .hasMessageContaining("DatePartitionSequence 'YYYY'")
                .hasMessageContaining("PreserveTransactions needs CdcPath");
        assertThatThrownBy(() -> S3OutputSettings.of(b -> b.csvDelimiter("\n")))
                .isInstanceOf(S3FormatException.class).hasMessageContaining("BucketName is required")
                .hasMessageContaining("CsvDelimiter and CsvRowDelimiter must differ")
                .satisfies(e -> assertThat(((S3FormatException) e).problems()).hasSize(2));
    }

    @Test
    @DisplayName("CDC rows carry the Op field and are written as DMS's option matrix says")
    void opColumnMatrix() {
        S3OutputSettings d = S3OutputSettings.of(b -> b.bucketName("b"));
        S3OutputSettings insertsOnly = d.toBuilder().cdcInsertsOnly(true).build();
        S3OutputSettings insertsAndUpdates = d.toBuilder().cdcInsertsAndUpdates(true).build();

        assertThat(d.cdcOpColumn()).isTrue();
        assertThat(insertsOnly.cdcOpColumn()).isFalse();
        assertThat(insertsOnly.toBuilder().includeOpForFullLoad(true).build().cdcOpColumn()).isTrue();
        assertThat(insertsOnly.writesCdc('U')).isFalse();
        assertThat(insertsAndUpdates.writesCdc('U')).isTrue();
        assertThat(insertsAndUpdates.writesCdc('D')).isFalse();
    }
}
