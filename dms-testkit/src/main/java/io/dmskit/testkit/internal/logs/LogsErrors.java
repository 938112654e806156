package io.dmskit.testkit.internal.logs;

import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** The errors CloudWatch Logs answers with: SDK exception types carrying the service's error codes. */
final class LogsErrors {

    private LogsErrors() {
    }

    static ResourceNotFoundException groupNotFound(String group) {
        return fill(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log group does not exist: " + group);
    }

    static ResourceNotFoundException streamNotFound(String group, String stream) {
        return fill(ResourceNotFoundException.builder(), "ResourceNotFoundException",
                "The specified log stream does not exist: " + stream + " (log group " + group + ")");
    }

    static ResourceAlreadyExistsException groupExists(String group) {
        return fill(ResourceAlreadyExistsException.builder(), "ResourceAlreadyExistsException",
                "The specified log group already exists: " + group);
    }

    static ResourceAlreadyExistsException streamExists(String group, String stream) {
        return fill(ResourceAlreadyExistsException.builder(), "ResourceAlreadyExistsException",
                "The specified log stream already exists: " + stream + " (log group " + group + ")");
    }

    static InvalidParameterException invalid(String message) {
        return fill(InvalidParameterException.builder(), "InvalidParameterException", message);
    }

    @SuppressWarnings("unchecked")
    private static <T extends AwsServiceException> T fill(AwsServiceException.Builder b, String code, String message) {
        return (T) b.message(message).statusCode(400).requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName("CloudWatchLogs")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).statusText("Bad Request").build())
                        .build())
                .build();
    }
}
