package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

@DisplayName("S3OutputSettings.forReading: a reader is not stopped by settings that only steer the writer")
class ForReadingTest {

    @Test
    @DisplayName("writer-only or refused values fall back to defaults; what the reader needs is kept")
    void lenientWhereTheOutputStaysReadable() {
        S3Settings s = S3Settings.builder().bucketName("lake").bucketFolder("raw").csvDelimiter("\\t")
                .csvRowDelimiter("\\n").maxFileSize(0).cdcMaxBatchInterval(-1).cdcMinFileSize(0)
                .compressionType("zstd").datePartitionSequence("WEEKLY").datePartitionDelimiter("PIPE")
                .datePartitionTimezone("Mars/Base").preserveTransactions(true).csvNullValue("a\tb").build();
        assertThatThrownBy(() -> S3OutputSettings.from(s)).isInstanceOf(S3FormatException.class);

        S3OutputSettings read = S3OutputSettings.forReading(s);
        assertThat(read.bucketName()).isEqualTo("lake");
        assertThat(read.csvDelimiter()).isEqualTo("\t");
        assertThat(read.csvRowDelimiter()).isEqualTo("\n");
        assertThat(read.csvNullValue()).isEmpty();
        assertThat(read.preserveTransactions()).isFalse();
        assertThat(read.gzip()).isFalse();
    }

    @Test
    @DisplayName("a quote in a delimiter is read without Rfc4180 quoting instead of failing")
    void quoteDelimiter() {
        S3OutputSettings read = S3OutputSettings.forReading(S3Settings.builder().bucketName("b").csvDelimiter("\"")
                .build());
        assertThat(read.rfc4180()).isFalse();
        assertThat(read.csvDelimiter()).isEqualTo("\"");
    }

    @Test
    @DisplayName("what makes the output unreadable still fails, naming the setting")
    void unreadableStillFails() {
        assertThatThrownBy(() -> S3OutputSettings.forReading(S3Settings.builder().bucketName("b").dataFormat("orc")
                .build())).isInstanceOf(S3FormatException.class).hasMessageContaining("DataFormat");
        assertThatThrownBy(() -> S3OutputSettings.forReading(S3Settings.builder().csvDelimiter(";").build()))
                .isInstanceOf(S3FormatException.class).hasMessageContaining("BucketName");
    }
}
