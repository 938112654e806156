package io.dmskit.testkit.internal.secrets;

import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Internal: the errors Secrets Manager answers with, built as the SDK would unmarshal them (exception class, HTTP
 * status, {@code awsErrorDetails().errorCode()}, a request id). Messages follow AWS's wording and never contain a
 * secret value.
 */
public final class SecretsErrors {

    private static final String SERVICE = "SecretsManager";

    private SecretsErrors() {
    }

    /** @return "Secrets Manager can't find the specified secret." */
    static ResourceNotFoundException secretNotFound() {
        return notFound("Secrets Manager can't find the specified secret.");
    }

    /**
     * @param message AWS's message
     * @return a ResourceNotFoundException (HTTP 400)
     */
    static ResourceNotFoundException notFound(String message) {
        return fill(ResourceNotFoundException.builder(), "ResourceNotFoundException", message);
    }

    /**
     * @param message AWS's message
     * @return a ResourceExistsException (HTTP 400)
     */
    static ResourceExistsException exists(String message) {
        return fill(ResourceExistsException.builder(), "ResourceExistsException", message);
    }

    /**
     * @param message AWS's message
     * @return an InvalidRequestException (HTTP 400): the request is valid but not in the secret's current state
     */
    static InvalidRequestException invalidRequest(String message) {
        return fill(InvalidRequestException.builder(), "InvalidRequestException", message);
    }

    /**
     * @param message AWS's message
     * @return an InvalidParameterException (HTTP 400)
     */
    static InvalidParameterException invalidParameter(String message) {
        return fill(InvalidParameterException.builder(), "InvalidParameterException", message);
    }

    /**
     * @param token the token the caller sent
     * @return an InvalidNextTokenException (HTTP 400)
     */
    static InvalidNextTokenException invalidNextToken(String token) {
        return fill(InvalidNextTokenException.builder(), "InvalidNextTokenException",
                "The NextToken value is not valid: " + token);
    }

    /**
     * Refuses a request whose lists hold null elements (JSON nulls on the wire), at any depth, as AWS's request
     * validation does: {@code ValidationException} "Value null at 'Tags.1.member' failed to satisfy constraint".
     *
     * @param request the request
     */
    public static void rejectNullElements(software.amazon.awssdk.core.SdkPojo request) {
        rejectNullElements(request, "", 0);
    }

    private static void rejectNullElements(software.amazon.awssdk.core.SdkPojo pojo, String path, int depth) {
        if (depth > 16) {
            return;
        }
        for (software.amazon.awssdk.core.SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (v instanceof java.util.List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object e = list.get(i);
                    String at = path + f.memberName() + "." + (i + 1) + ".member";
                    if (e == null) {
                        throw validation("1 validation error detected: Value null at '" + at
                                + "' failed to satisfy constraint: Member must not be null");
                    }
                    if (e instanceof software.amazon.awssdk.core.SdkPojo p) {
                        rejectNullElements(p, at + ".", depth + 1);
                    }
                }
            } else if (v instanceof software.amazon.awssdk.core.SdkPojo p) {
                rejectNullElements(p, path + f.memberName() + ".", depth + 1);
            }
        }
    }

    /**
     * A constraint violation caught by AWS's request validation (length, pattern, range). The SDK has no class for
     * it: it arrives as a {@link SecretsManagerException} whose error code is {@code ValidationException}.
     *
     * @param message AWS's message
     * @return a SecretsManagerException with error code ValidationException (HTTP 400)
     */
    static SecretsManagerException validation(String message) {
        return fill(SecretsManagerException.builder(), "ValidationException", message);
    }

    /** @return a SecretsManagerException with error code ThrottlingException ("Rate exceeded", HTTP 400) */
    public static SecretsManagerException throttling() {
        return generic("ThrottlingException", 400, "Rate exceeded");
    }

    /** @return an InternalServiceErrorException (error code InternalServiceError, HTTP 500) */
    public static InternalServiceErrorException internalError() {
        return fill(InternalServiceErrorException.builder(), "InternalServiceError", 500,
                "An error occurred on the server side.");
    }

    /** @return a SecretsManagerException with error code ServiceUnavailable (HTTP 503) */
    public static SecretsManagerException serviceUnavailable() {
        return generic("ServiceUnavailable", 503, "Service is unavailable. Please try again.");
    }

    /**
     * @param code the AWS error code
     * @param status the HTTP status
     * @param message the message
     * @return a SecretsManagerException carrying that code and status
     */
    public static SecretsManagerException generic(String code, int status, String message) {
        return fill(SecretsManagerException.builder(), code, status, message);
    }

    private static <T extends AwsServiceException> T fill(AwsServiceException.Builder builder, String code,
                                                         String message) {
        return fill(builder, code, 400, message);
    }

    @SuppressWarnings("unchecked")
    private static <T extends AwsServiceException> T fill(AwsServiceException.Builder builder, String code,
                                                         int status, String message) {
        SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
        if (status == 400) {
            http.statusText("Bad Request");
        }
        return (T) builder
                .message(message)
                .statusCode(status)
                .requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(SERVICE)
                        .sdkHttpResponse(http.build())
                        .build())
                .build();
    }
}
