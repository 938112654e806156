package io.dmskit.verify.probe;

import io.dmskit.core.exception.DmsKitException;

/**
 * The CDC probe refused to run or could not prepare: the task's mappings do not replicate the probe table, the table
 * does not exist and creating it was not allowed, or the source rejected the probe's statements.
 */
public final class CdcProbeException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a {@code CdcProbeException}.
     *
     * @param message what is wrong and how to fix it
     * @param resource the probe table, {@code schema.table}
     * @param cause underlying error or null
     */
    public CdcProbeException(String message, String resource, Throwable cause) {
        super(message, resource, "probeCdc", null, null, cause);
    }
}
