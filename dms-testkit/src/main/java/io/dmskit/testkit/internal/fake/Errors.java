package io.dmskit.testkit.internal.fake;

import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.databasemigration.model.AccessDeniedException;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidCertificateException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.InvalidSubnetException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroupDoesNotCoverEnoughAZsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.ResourceQuotaExceededException;
import software.amazon.awssdk.services.databasemigration.model.SnsInvalidTopicException;

/**
 * Builds the exceptions DMS answers with, as the SDK would deliver them: the SDK's exception class for the fault,
 * {@code awsErrorDetails()} with DMS's error code, message and service name, an HTTP status code and a request id.
 * Internal to the testkit.
 */
public final class Errors {

    /** The service name the SDK reports in {@code awsErrorDetails().serviceName()}. */
    static final String SERVICE_NAME = "Database Migration Service";

    private Errors() {
    }

    private static <B extends AwsServiceException.Builder> AwsServiceException fill(B builder, String code,
                                                                                   String message, int status) {
        String requestId = UUID.randomUUID().toString();
        builder.message(message)
                .statusCode(status)
                .requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(SERVICE_NAME)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status)
                                .putHeader("x-amzn-RequestId", requestId).build())
                        .build());
        return builder.build();
    }

    /** @param message the message @return a {@code ResourceNotFoundFault} */
    static ResourceNotFoundException notFound(String message) {
        return (ResourceNotFoundException) fill(ResourceNotFoundException.builder(), "ResourceNotFoundFault", message,
                400);
    }

    /** @param message the message @return a {@code ResourceAlreadyExistsFault} */
    static ResourceAlreadyExistsException alreadyExists(String message) {
        return (ResourceAlreadyExistsException) fill(ResourceAlreadyExistsException.builder(),
                "ResourceAlreadyExistsFault", message, 400);
    }

    /** @param message the message @return an {@code InvalidResourceStateFault} */
    static InvalidResourceStateException invalidState(String message) {
        return (InvalidResourceStateException) fill(InvalidResourceStateException.builder(),
                "InvalidResourceStateFault", message, 400);
    }

    /** @param message the message @return an {@code InvalidParameterValueException} (no SDK class of its own) */
    static DatabaseMigrationException invalidParameter(String message) {
        return generic("InvalidParameterValueException", message, 400);
    }

    /** @param message the message @return an {@code InvalidParameterCombinationException} */
    static DatabaseMigrationException invalidCombination(String message) {
        return generic("InvalidParameterCombinationException", message, 400);
    }

    /** @param message the message @return an {@code InvalidSubnet} fault */
    static InvalidSubnetException invalidSubnet(String message) {
        return (InvalidSubnetException) fill(InvalidSubnetException.builder(), "InvalidSubnet", message, 400);
    }

    /** @param message the message @return a {@code ReplicationSubnetGroupDoesNotCoverEnoughAZs} fault */
    static ReplicationSubnetGroupDoesNotCoverEnoughAZsException notEnoughAzs(String message) {
        return (ReplicationSubnetGroupDoesNotCoverEnoughAZsException) fill(
                ReplicationSubnetGroupDoesNotCoverEnoughAZsException.builder(),
                "ReplicationSubnetGroupDoesNotCoverEnoughAZs", message, 400);
    }

    /** @param message the message @return an {@code InvalidCertificateFault} */
    static InvalidCertificateException invalidCertificate(String message) {
        return (InvalidCertificateException) fill(InvalidCertificateException.builder(), "InvalidCertificateFault",
                message, 400);
    }

    /** @param message the message @return an {@code SNSInvalidTopicFault} */
    static SnsInvalidTopicException invalidTopic(String message) {
        return (SnsInvalidTopicException) fill(SnsInvalidTopicException.builder(), "SNSInvalidTopicFault", message,
                400);
    }

    /** @param message the message @return a {@code ResourceQuotaExceededFault} */
    static ResourceQuotaExceededException quotaExceeded(String message) {
        return (ResourceQuotaExceededException) fill(ResourceQuotaExceededException.builder(),
                "ResourceQuotaExceededFault", message, 400);
    }

    /** @param message the message @return an {@code AccessDeniedFault} */
    static AccessDeniedException accessDenied(String message) {
        return (AccessDeniedException) fill(AccessDeniedException.builder(), "AccessDeniedFault", message, 400);
    }

    /** @return a {@code ThrottlingException} ("Rate exceeded", HTTP 400) */
    public static DatabaseMigrationException throttling() {
        return generic("ThrottlingException", "Rate exceeded", 400);
    }

    /**
     * @param code the AWS error code
     * @param message the message
     * @param status the HTTP status
     * @return a {@link DatabaseMigrationException} with that code
     */
    public static DatabaseMigrationException generic(String code, String message, int status) {
        return (DatabaseMigrationException) fill(DatabaseMigrationException.builder(), code, message, status);
    }
}
