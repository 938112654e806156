package io.dmskit.local.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An error as an AWS JSON protocol service answers it: the HTTP status, the error code that clients turn into their
 * exception class ({@code __type} in the body and the {@code x-amzn-ErrorType} header) and a message.
 *
 * @param status the HTTP status
 * @param code the AWS error code, e.g. {@code ResourceNotFoundFault}
 * @param message the message
 */
record AwsError(int status, String code, String message) {

    /**
     * @param operation the operation name
     * @param service the service's name for the message
     * @return AWS's answer to an operation the endpoint does not serve
     */
    public static AwsError unknownOperation(String operation, String service) {
        return new AwsError(400, "UnknownOperationException",
                "dms-local does not implement the " + service + " operation " + operation);
    }

    /**
     * @param e an exception a fake threw
     * @return the error a client of AWS would receive for it
     */
    public static AwsError from(Throwable e) {
        if (e instanceof AwsServiceException aws) {
            String code = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorCode() != null
                    ? aws.awsErrorDetails().errorCode() : "InternalFailure";
            String message = aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                    ? aws.awsErrorDetails().errorMessage() : aws.getMessage();
            int status = aws.statusCode() > 0 ? aws.statusCode() : 400;
            return new AwsError(status, code, message);
        }
        if (e instanceof IllegalArgumentException || e instanceof NullPointerException
                || e instanceof software.amazon.awssdk.core.exception.SdkClientException) {
            return new AwsError(400, "ValidationException", String.valueOf(e.getMessage()));
        }
        return new AwsError(500, "InternalFailure", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** @return the JSON body: {@code {"__type": code, "message": message}} */
    public ObjectNode body() {
        ObjectNode n = AwsJson.MAPPER.createObjectNode();
        n.put("__type", code);
        n.put("message", message);
        return n;
    }
}
