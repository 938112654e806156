package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a key of a DMS S3 target says, as {@link S3ObjectNames#parse(String)} reads it.
 *
 * @param key the whole key
 * @param kind what the object holds
 * @param schema the schema folder (empty for CDC_TXN and OTHER)
 * @param table the table folder (empty for CDC_TXN and OTHER)
 * @param segmentFolder the parallel-load partition or segment folder of a full-load file, if any
 * @param segmentNumber the {@code n} of a {@code SEGMENT<n>_LOAD…} file name, if any
 * @param loadSequence the hexadecimal counter of a full-load file ({@code LOAD0000000A} is 10)
 * @param datePartition the date-partition folder(s) of a CDC file, e.g. {@code 2024/05/28}, if any
 * @param fileTime the wall-clock time in a CDC or CDC_TXN file name (in DatePartitionTimezone), if readable
 * @param parquet whether the name ends in {@code .parquet} (or {@code .parquet.gz})
 * @param gzip whether the name ends in {@code .gz}
 */
public record S3ObjectKey(String key, S3ObjectKind kind, Optional<String> schema, Optional<String> table,
                          Optional<String> segmentFolder, OptionalInt segmentNumber, OptionalInt loadSequence,
                          Optional<String> datePartition, Optional<LocalDateTime> fileTime, boolean parquet,
                          boolean gzip) {

    /** Checks that nothing is null. */
    public S3ObjectKey {
        Args.required(key, "S3ObjectKey: key");
        Args.required(kind, "S3ObjectKey: kind");
        Args.required(schema, "S3ObjectKey: schema");
        Args.required(table, "S3ObjectKey: table");
        Args.required(segmentFolder, "S3ObjectKey: segmentFolder");
        Args.required(segmentNumber, "S3ObjectKey: segmentNumber");
        Args.required(loadSequence, "S3ObjectKey: loadSequence");
        Args.required(datePartition, "S3ObjectKey: datePartition");
        Args.required(fileTime, "S3ObjectKey: fileTime");
    }

    static S3ObjectKey other(String key) {
        return new S3ObjectKey(key, S3ObjectKind.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(), false, false);
    }
}
