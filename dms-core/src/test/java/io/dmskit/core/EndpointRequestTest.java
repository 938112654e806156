package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.endpoint.CannedAcl;
import io.dmskit.core.endpoint.DatePartitionDelimiter;
import io.dmskit.core.endpoint.DatePartitionSequence;
import io.dmskit.core.endpoint.ParquetVersion;
import io.dmskit.core.endpoint.PostgresPluginName;
import io.dmskit.core.endpoint.S3CompressionType;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.S3EncodingType;
import io.dmskit.core.endpoint.S3EncryptionMode;
import io.dmskit.core.endpoint.S3Settings;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.endpoint.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.CannedAclForObjectsValue;
import software.amazon.awssdk.services.databasemigration.model.CompressionTypeValue;
import software.amazon.awssdk.services.databasemigration.model.DataFormatValue;
import software.amazon.awssdk.services.databasemigration.model.DatePartitionDelimiterValue;
import software.amazon.awssdk.services.databasemigration.model.DatePartitionSequenceValue;
import software.amazon.awssdk.services.databasemigration.model.EncodingTypeValue;
import software.amazon.awssdk.services.databasemigration.model.EncryptionModeValue;
import software.amazon.awssdk.services.databasemigration.model.ParquetVersionValue;

@DisplayName("Typed settings become SDK values with the DMS API model's enum literals")
class EndpointRequestTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/dms-s3";
    static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    @DisplayName("every S3 enum maps to a known SDK enum value (never UNKNOWN_TO_SDK_VERSION)")
    void s3EnumsMatchTheApiModel() {
        for (S3DataFormat v : S3DataFormat.values()) {
            assertThat(DataFormatValue.fromValue(v.wireValue())).isNotEqualTo(DataFormatValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (ParquetVersion v : ParquetVersion.values()) {
            assertThat(ParquetVersionValue.fromValue(v.wireValue())).isNotEqualTo(ParquetVersionValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (S3EncodingType v : S3EncodingType.values()) {
            assertThat(EncodingTypeValue.fromValue(v.wireValue())).isNotEqualTo(EncodingTypeValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (S3CompressionType v : S3CompressionType.values()) {
            assertThat(CompressionTypeValue.fromValue(v.wireValue())).isNotEqualTo(CompressionTypeValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (S3EncryptionMode v : S3EncryptionMode.values()) {
            assertThat(EncryptionModeValue.fromValue(v.wireValue())).isNotEqualTo(EncryptionModeValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (CannedAcl v : CannedAcl.values()) {
            assertThat(CannedAclForObjectsValue.fromValue(v.wireValue()))
                .isNotEqualTo(CannedAclForObjectsValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (DatePartitionSequence v : DatePartitionSequence.values()) {
            assertThat(DatePartitionSequenceValue.fromValue(v.wireValue()))
                .isNotEqualTo(DatePartitionSequenceValue.UNKNOWN_TO_SDK_VERSION);
        }
        for (DatePartitionDelimiter v : DatePartitionDelimiter.values()) {
            assertThat(DatePartitionDelimiterValue.fromValue(v.wireValue()))
                .isNotEqualTo(DatePartitionDelimiterValue.UNKNOWN_TO_SDK_VERSION);
        }
    }

    @Test
    @DisplayName("S3 settings carry every field to the SDK and back")
    void s3RoundTripThroughSdk() {
        S3Settings s = S3Settings.builder().bucketName("dms-bucket").bucketFolder("raw/dms").serviceAccessRoleArn(ROLE)
            .dataFormat(S3DataFormat.PARQUET).parquetVersion(ParquetVersion.PARQUET_2_0).compressionType("GZIP")
            .encryptionMode("SSE_KMS").serverSideEncryptionKmsKeyId(KMS_KEY).timestampColumnName("ts")
            .cdcMaxBatchInterval(30).cdcMinFileSize(1024).datePartitionEnabled(true)
            .datePartitionSequence(DatePartitionSequence.YYYYMMDDHH).datePartitionDelimiter(DatePartitionDelimiter.DASH)
            .cannedAclForObjects(CannedAcl.BUCKET_OWNER_FULL_CONTROL).includeOpForFullLoad(true).build();
        var sdk = s.toSdkBuilder().build();
        assertThat(sdk.dataFormat()).isEqualTo(DataFormatValue.PARQUET);
        assertThat(sdk.parquetVersion()).isEqualTo(ParquetVersionValue.PARQUET_2_0);
        assertThat(sdk.compressionTypeAsString()).isEqualTo("gzip");
        assertThat(sdk.encryptionModeAsString()).isEqualTo("sse-kms");
        assertThat(sdk.datePartitionSequenceAsString()).isEqualTo("YYYYMMDDHH");
        assertThat(sdk.cannedAclForObjectsAsString()).isEqualTo("bucket-owner-full-control");
        assertThat(S3Settings.fromSdk(sdk)).isEqualTo(s);
        assertThat(s.toString()).startsWith("S3Settings{serviceAccessRoleArn=" + ROLE + ", bucketName=dms-bucket").doesNotContain("null");
    }

    @Test
    @DisplayName("an enum value DMS does not know is reported by build() with the allowed values")
    void unknownEnumValueRefused() {
        assertThatThrownBy(() -> S3Settings.builder().dataFormat("orc").build())
            .isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("S3Settings.DataFormat").hasMessageContaining("parquet");
        assertThat(S3Settings.builder().dataFormat("orc").dataFormat("PARQUET").build().dataFormat())
            .contains(S3DataFormat.PARQUET);
        assertThat(PostgresPluginName.fromWire("TEST_DECODING")).contains(PostgresPluginName.TEST_DECODING);
    }

    @Test
    @DisplayName("builders are immutable: toBuilder copies, consumer overloads edit in place")
    void immutability() {
        Endpoint a = Endpoint.s3("t").s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)).build();
        Endpoint b = a.toBuilder().s3Settings(s -> s.bucketFolder("f")).build();
        assertThat(a.s3Settings()).get().extracting(x -> x.bucketFolder()).isEqualTo(java.util.Optional.empty());
        assertThat(b.s3Settings()).get().satisfies(x -> {
            assertThat(x.bucketFolder()).contains("f");
            assertThat(x.bucketName()).contains("dms-bucket");
        });
        assertThat(a).isEqualTo(a.toBuilder().build()).isNotEqualTo(b);
    }

    @Test
    @DisplayName("a Secret never prints, compares by value in constant time and has a constant hash")
    void secretValue() {
        Secret s = Secret.of("Srikar@123");
        assertThat(s.toString()).isEqualTo("Secret[redacted]");
        assertThat(s).isEqualTo(Secret.of("Srikar@123")).isNotEqualTo(Secret.of("other"));
        assertThat(s.hashCode()).isEqualTo(Secret.of("other").hashCode());
        assertThat(s.matches("Srikar@123")).isTrue();
        assertThat(s.reveal()).isEqualTo("Srikar@123");
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(InvalidDefinitionException.class);
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(InvalidDefinitionException.class);
        Endpoint e = Endpoint.mysql("src").source().serverName("h").port(3306).password("root", s).build();
        assertThat(e.toString()).contains("Secret[redacted]").doesNotContain("Srikar");
    }
}
