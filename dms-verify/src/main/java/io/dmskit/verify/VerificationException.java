package io.dmskit.verify;

import io.dmskit.core.exception.DmsKitException;

/**
 * Verification could not run at all: the source database could not be reached, the task or its table mappings could
 * not be read, or the configuration is incomplete. Failures of single tables do not throw; they appear in the report
 * with status {@code ERROR}.
 */
public final class VerificationException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a {@code VerificationException}.
     *
     * @param message what failed, naming the resource
     * @param resource the resource concerned (task ARN, table), or null
     * @param operation the operation (e.g. {@code DescribeReplicationTasks}), or null
     * @param cause underlying error, or null
     */
    public VerificationException(String message, String resource, String operation, Throwable cause) {
        super(message, resource, operation, awsCode(cause), awsRequest(cause), cause);
    }

    private static String awsCode(Throwable t) {
        if (t instanceof software.amazon.awssdk.awscore.exception.AwsServiceException e && e.awsErrorDetails() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return null;
    }

    private static String awsRequest(Throwable t) {
        if (t instanceof software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return e.requestId();
        }
        return null;
    }
}
