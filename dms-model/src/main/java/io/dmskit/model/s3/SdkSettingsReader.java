package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/**
 * Reads the SDK's {@code S3Settings} (as DescribeEndpoints echoes them) into {@link S3OutputSettings}: strictly for a
 * writer, leniently for a reader. Kept apart from the value class, which only holds and checks settings.
 */
final class SdkSettingsReader {

    private static final int MAX_FILE_SIZE_KB = S3OutputSettings.MAX_FILE_SIZE_KB;

    private SdkSettingsReader() {
    }

    static S3OutputSettings forReading(S3Settings s) {
        Args.required(s, "SdkSettingsReader: S3Settings");
        S3Settings.Builder r = s.toBuilder();
        String compression = s.compressionTypeAsString();
        if (compression != null && !compression.isBlank() && !compression.strip().equalsIgnoreCase("gzip")
                && !compression.strip().equalsIgnoreCase("none")) {
            r.compressionType((String) null);
        }
        if (s.maxFileSize() != null && (s.maxFileSize() < 1 || s.maxFileSize() > MAX_FILE_SIZE_KB)) {
            r.maxFileSize(null);
        }
        if (s.cdcMaxBatchInterval() != null && s.cdcMaxBatchInterval() < 0) {
            r.cdcMaxBatchInterval(null);
        }
        if (s.cdcMinFileSize() != null && s.cdcMinFileSize() < 1) {
            r.cdcMinFileSize(null);
        }
        if (DatePartitionSequence.fromWire(s.datePartitionSequenceAsString()).isEmpty()) {
            r.datePartitionSequence((String) null);
        }
        if (DatePartitionDelimiter.fromWire(s.datePartitionDelimiterAsString()).isEmpty()) {
            r.datePartitionDelimiter((String) null);
        }
        if (s.datePartitionTimezone() != null && !s.datePartitionTimezone().isBlank()) {
            try {
                ZoneId.of(s.datePartitionTimezone().strip());
            } catch (RuntimeException e) {
                r.datePartitionTimezone(null);
            }
        }
        if (Boolean.TRUE.equals(s.preserveTransactions()) && trimSlashes(s.cdcPath()) == null) {
            r.preserveTransactions(false);
        }
        String delimiter = s.csvDelimiter() == null || s.csvDelimiter().isEmpty() ? ","
                : unescapeDelimiter(s.csvDelimiter());
        String rowDelimiter = s.csvRowDelimiter() == null || s.csvRowDelimiter().isEmpty() ? "\n"
                : unescapeDelimiter(s.csvRowDelimiter());
        if (!Boolean.FALSE.equals(s.rfc4180()) && (delimiter.indexOf('"') >= 0 || rowDelimiter.indexOf('"') >= 0)) {
            r.rfc4180(false);
        }
        String nullValue = s.csvNullValue();
        if (nullValue != null && !nullValue.isEmpty() && (nullValue.contains(delimiter)
                || nullValue.contains(rowDelimiter))) {
            r.csvNullValue(null);
        }
        return fromSdk(r.build()).build();
    }

    static S3OutputSettings.Builder fromSdk(S3Settings s) {
        Args.required(s, "SdkSettingsReader: S3Settings");
        List<String> problems = new ArrayList<>();
        S3OutputSettings.Builder b = S3OutputSettings.builder().bucketName(s.bucketName())
                .bucketFolder(s.bucketFolder());
        S3DataFormat.fromWire(s.dataFormatAsString()).ifPresentOrElse(b::dataFormat,
                () -> problems.add("DataFormat '" + s.dataFormatAsString() + "' (csv or parquet)"));
        String compression = s.compressionTypeAsString() == null || s.compressionTypeAsString().isBlank() ? "none"
                : s.compressionTypeAsString().strip().toLowerCase(Locale.ROOT);
        if (compression.equals("gzip")) {
            b.gzip(true);
        } else if (!compression.equals("none")) {
            problems.add("CompressionType '" + s.compressionTypeAsString() + "' (none or gzip)");
        }
        if (s.csvDelimiter() != null && !s.csvDelimiter().isEmpty()) {
            b.csvDelimiter(unescapeDelimiter(s.csvDelimiter()));
        }
        if (s.csvRowDelimiter() != null && !s.csvRowDelimiter().isEmpty()) {
            b.csvRowDelimiter(unescapeDelimiter(s.csvRowDelimiter()));
        }
        if (s.csvNullValue() != null) {
            b.csvNullValue(s.csvNullValue());
        }
        if (s.rfc4180() != null) {
            b.rfc4180(s.rfc4180());
        }
        b.addColumnName(Boolean.TRUE.equals(s.addColumnName()))
                .includeOpForFullLoad(Boolean.TRUE.equals(s.includeOpForFullLoad()))
                .cdcInsertsOnly(Boolean.TRUE.equals(s.cdcInsertsOnly()))
                .cdcInsertsAndUpdates(Boolean.TRUE.equals(s.cdcInsertsAndUpdates()))
                .timestampColumnName(s.timestampColumnName())
                .useTaskStartTimeForFullLoadTimestamp(Boolean.TRUE.equals(s.useTaskStartTimeForFullLoadTimestamp()))
                .datePartitionEnabled(Boolean.TRUE.equals(s.datePartitionEnabled()))
                .preserveTransactions(Boolean.TRUE.equals(s.preserveTransactions()))
                .cdcPath(s.cdcPath())
                .parquetTimestampInMillisecond(Boolean.TRUE.equals(s.parquetTimestampInMillisecond()));
        if (s.maxFileSize() != null) {
            b.maxFileSizeKb(s.maxFileSize());
        }
        if (s.cdcMaxBatchInterval() != null) {
            b.cdcMaxBatchInterval(Duration.ofSeconds(Math.max(0, s.cdcMaxBatchInterval())));
        }
        if (s.cdcMinFileSize() != null) {
            b.cdcMinFileSizeKb(Math.max(1, s.cdcMinFileSize()));
        }
        if (s.rowGroupLength() != null && s.rowGroupLength() > 0) {
            b.rowGroupLength(Math.min(s.rowGroupLength(), 64 * 1024 * 1024));
        }
        DatePartitionSequence.fromWire(s.datePartitionSequenceAsString()).ifPresentOrElse(b::datePartitionSequence,
                () -> problems.add("DatePartitionSequence '" + s.datePartitionSequenceAsString()
                        + "' (YYYYMMDD, YYYYMMDDHH, YYYYMM, MMYYYYDD or DDMMYYYY)"));
        DatePartitionDelimiter.fromWire(s.datePartitionDelimiterAsString()).ifPresentOrElse(
                b::datePartitionDelimiter, () -> problems.add("DatePartitionDelimiter '"
                        + s.datePartitionDelimiterAsString() + "' (SLASH, UNDERSCORE, DASH or NONE)"));
        if (s.datePartitionTimezone() != null && !s.datePartitionTimezone().isBlank()) {
            try {
                b.datePartitionTimezone(ZoneId.of(s.datePartitionTimezone().strip()));
            } catch (RuntimeException e) {
                problems.add("DatePartitionTimezone '" + s.datePartitionTimezone() + "' (Area/Location)");
            }
        }
        if (Boolean.TRUE.equals(s.useCsvNoSupValue())) {
            b.csvNoSupValue(s.csvNoSupValue() == null ? "" : s.csvNoSupValue());
        }
        problems.addAll(b.problems());
        if (!problems.isEmpty()) {
            throw new S3FormatException(problems);
        }
        return b;
    }

    static String unescapeDelimiter(String value) {
        if (value == null || value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                String replacement = switch (value.charAt(i + 1)) {
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    case 't' -> "\t";
                    case '\\' -> "\\";
                    default -> null;
                };
                if (replacement != null) {
                    out.append(replacement);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    static String trimSlashes(String s) {
        return S3OutputSettings.trimSlashesOf(s);
    }
}
