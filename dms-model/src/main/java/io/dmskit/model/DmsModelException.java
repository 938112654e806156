package io.dmskit.model;

/**
 * The root of dms-model's typed errors: a value DMS's vocabulary or output format has no meaning for, or a required
 * argument left out. Its subclasses say which format: {@link io.dmskit.model.s3.S3FormatException} (S3 target
 * settings and object names), {@link io.dmskit.model.s3.CsvFormatException} (CSV dialect, limits and data) and
 * {@link io.dmskit.model.s3.parquet.ParquetFormatException} (Parquet columns, writer, limits and data). It extends
 * {@link IllegalArgumentException}, what these methods threw before, so existing handlers keep working.
 */
public class DmsModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a {@code DmsModelException}.
     *
     * @param message what is wrong and where
     */
    public DmsModelException(String message) {
        super(message);
    }

    /**
     * Creates a {@code DmsModelException}.
     *
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public DmsModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
