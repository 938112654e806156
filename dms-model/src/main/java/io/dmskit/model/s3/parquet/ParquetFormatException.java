package io.dmskit.model.s3.parquet;
import io.dmskit.model.DmsModelException;

/**
 * A Parquet file could not be read: it is truncated or corrupt, or it uses a feature this reader does not implement.
 * The message names what was wrong and where; it is the only exception type the readers of this package throw for
 * bad input.
 */
public final class ParquetFormatException extends DmsModelException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public ParquetFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the error that revealed the problem.
     *
     * @param message what is wrong
     * @param cause underlying error
     */
    public ParquetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
