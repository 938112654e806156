package io.dmskit.model.s3;

/** What an object DMS wrote to an S3 target holds, judged from its name. */
public enum S3ObjectKind {
    /** {@code LOAD########.csv} (also {@code SEGMENT<n>_LOAD…} and in a parallel-load segment folder). */
    FULL_LOAD,
    /** A timestamp-named CDC file such as {@code 20240809-192717787.csv}, also under date-partition folders. */
    CDC,
    /** {@code CDC_TXN-<timestamp>.csv} under {@code CdcPath} (PreserveTransactions). */
    CDC_TXN,
    /** Anything else (folder markers, {@code .dfm} files, ...): not data DMS wrote. */
    OTHER
}
