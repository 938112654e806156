package io.dmskit.model.s3;

import io.dmskit.model.DmsModelException;
import java.util.Optional;

/**
 * A CSV object could not be read: a quote is never closed, a field or record exceeds the reader's
 * {@link CsvLimits}, or its gzip stream is corrupt or inflates beyond the limit. The message names the object (when
 * the reader was {@linkplain CsvReader#withSource(String) told it}), the record, the line, the field and the byte
 * offset, e.g. {@code "s3://raw/hr/employee/LOAD00000001.csv: record 3 (line 3), field 2, byte 1048601: a field is
 * longer than 1048576 bytes (CsvLimits.maxFieldBytes)"}. It is the only exception type {@link CsvReader} throws for
 * bad input; I/O failures of the stream stay {@link java.io.IOException}s.
 */
public final class CsvFormatException extends DmsModelException {

    private static final long serialVersionUID = 1L;

    private final String source;

    /**
     * Creates a {@code CsvFormatException}.
     *
     * @param source the object read (its key or URI), or null when unknown
     * @param message what is wrong and where in the object
     * @param cause the error that revealed it, or null
     */
    public CsvFormatException(String source, String message, Throwable cause) {
        super(source == null ? message : source + ": " + message, cause);
        this.source = source;
    }

    /** {@return the object that could not be read, when the reader knew it} */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }
}
