package io.dmskit.core.endpoint;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Validate;
import java.util.ArrayList;
import java.util.List;

/**
 * DMS's rules for {@link S3Settings} that span fields or limit values, hand-written next to the generated class
 * ({@link S3Settings#problems()} calls it). Each problem names DMS's own field.
 */
final class S3SettingsRules {

    private S3SettingsRules() {
    }

    static List<DefinitionProblem> problems(S3Settings s) {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (s.cdcInsertsOnly().orElse(false) && s.cdcInsertsAndUpdates().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.CdcInsertsOnly",
                "CdcInsertsOnly and CdcInsertsAndUpdates cannot both be true; choose one"));
        }
        boolean hasCdcPath = !s.cdcPath().orElse("").isEmpty();
        // transaction-ordered CDC files rule out the per-table file layout options
        boolean txFiles = s.preserveTransactions().orElse(false) || hasCdcPath;
        if (txFiles && s.datePartitionEnabled().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.DatePartitionEnabled",
                "date partitioning cannot be combined with PreserveTransactions or CdcPath"));
        }
        if (txFiles && s.addColumnName().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.AddColumnName",
                "AddColumnName cannot be combined with PreserveTransactions or CdcPath"));
        }
        if (txFiles && s.glueCatalogGeneration().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.GlueCatalogGeneration",
                "GlueCatalogGeneration cannot be combined with PreserveTransactions or CdcPath"));
        }
        if (s.preserveTransactions().orElse(false) && !hasCdcPath) {
            problems.add(DefinitionProblem.of("S3Settings.CdcPath", "PreserveTransactions=true requires a CdcPath"));
        }
        boolean sseKms = s.encryptionMode().orElse(null) == S3EncryptionMode.SSE_KMS;
        if (sseKms && s.serverSideEncryptionKmsKeyId().orElse("").isBlank()) {
            problems.add(DefinitionProblem.of("S3Settings.ServerSideEncryptionKmsKeyId",
                "EncryptionMode sse-kms requires ServerSideEncryptionKmsKeyId (the KMS key ARN)"));
        }
        if (s.serverSideEncryptionKmsKeyId().isPresent() && !sseKms) {
            problems.add(DefinitionProblem.of("S3Settings.ServerSideEncryptionKmsKeyId",
                "a KMS key is only used with EncryptionMode sse-kms; set encryptionMode(S3EncryptionMode.SSE_KMS)"));
        }
        s.maxFileSize().filter(v -> v < 1 || v > 1_048_576).ifPresent(v -> problems.add(
            DefinitionProblem.of("S3Settings.MaxFileSize", "MaxFileSize must be 1..1048576 KB, was " + v)));
        s.rowGroupLength().filter(v -> v < 1 || v > 64 * 1024 * 1024).ifPresent(v -> problems.add(
            DefinitionProblem.of("S3Settings.RowGroupLength", "RowGroupLength must be 1..67108864, was " + v)));
        if (s.cdcMaxBatchInterval().filter(v -> v < 0).isPresent()) {
            problems.add(DefinitionProblem.of("S3Settings.CdcMaxBatchInterval", "CdcMaxBatchInterval must not be negative"));
        }
        if (s.cdcMinFileSize().filter(v -> v < 0).isPresent()) {
            problems.add(DefinitionProblem.of("S3Settings.CdcMinFileSize", "CdcMinFileSize must not be negative"));
        }
        boolean parquetSettings = s.parquetVersion().isPresent() || s.encodingType().isPresent()
            || s.dictPageSizeLimit().isPresent() || s.rowGroupLength().isPresent() || s.dataPageSize().isPresent()
            || s.enableStatistics().isPresent() || s.parquetTimestampInMillisecond().isPresent();
        if (parquetSettings && s.dataFormat().orElse(null) != S3DataFormat.PARQUET) {
            problems.add(DefinitionProblem.of("S3Settings.DataFormat",
                "Parquet settings (ParquetVersion, EncodingType, DictPageSizeLimit, RowGroupLength, DataPageSize, "
                    + "EnableStatistics, ParquetTimestampInMillisecond) need DataFormat parquet"));
        }
        boolean datePartitionSettings = s.datePartitionSequence().isPresent() || s.datePartitionDelimiter().isPresent()
            || s.datePartitionTimezone().isPresent();
        if (datePartitionSettings && !s.datePartitionEnabled().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.DatePartitionEnabled",
                "DatePartitionSequence/Delimiter/Timezone are only used with DatePartitionEnabled=true"));
        }
        if (s.csvNoSupValue().isPresent() && !s.useCsvNoSupValue().orElse(false)) {
            problems.add(DefinitionProblem.of("S3Settings.UseCsvNoSupValue", "CsvNoSupValue needs UseCsvNoSupValue=true"));
        }
        s.bucketName().filter(n -> !n.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")).ifPresent(n -> problems.add(
            DefinitionProblem.of("S3Settings.BucketName",
                "'" + n + "' is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens)")));
        s.bucketFolder().filter(f -> f.startsWith("/") || f.endsWith("/")).ifPresent(f -> problems.add(
            DefinitionProblem.of("S3Settings.BucketFolder", "BucketFolder must not start or end with '/', was '" + f + "'")));
        Validate.roleArn(problems, "S3Settings.ServiceAccessRoleArn", s.serviceAccessRoleArn().filter(a -> !a.isBlank()).orElse(null));
        Validate.kmsKey(problems, "S3Settings.ServerSideEncryptionKmsKeyId", s.serverSideEncryptionKmsKeyId().filter(a -> !a.isBlank()).orElse(null));
        Validate.accountId(problems, "S3Settings.ExpectedBucketOwner", s.expectedBucketOwner().orElse(null));
        return problems;
    }
}
