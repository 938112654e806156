package io.dmskit.verify.internal.parquet;

/** A Parquet file could not be read: a corrupt footer, or a feature this reader does not implement. */
public final class ParquetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public ParquetFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause underlying error
     */
    public ParquetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
