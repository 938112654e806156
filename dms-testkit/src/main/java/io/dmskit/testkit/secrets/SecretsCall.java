package io.dmskit.testkit.secrets;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One call made to a {@link io.dmskit.testkit.FakeSecretsManager}: the operation, the request, its outcome and the
 * fake's clock time. The {@code toString()} of SDK requests and responses redacts secret values
 * ({@code SecretString}, {@code SecretBinary}), and so does this record's.
 *
 * @param operation the API operation name, e.g. {@code "GetSecretValue"}
 * @param request the request as the caller sent it
 * @param response the response, or {@code null} when the call failed
 * @param error the exception thrown to the caller, or {@code null} when the call succeeded
 * @param time the fake's clock time of the call
 */
public record SecretsCall(String operation, SdkRequest request, SdkResponse response, RuntimeException error,
                          Instant time) {

    /**
     * Validates the record.
     *
     * @param operation the operation name
     * @param request the request
     * @param response the response or null
     * @param error the error or null
     * @param time the time
     */
    public SecretsCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(time, "time");
        if ((response == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of response and error must be set");
        }
    }

    /** @return whether the call succeeded */
    public boolean succeeded() {
        return error == null;
    }

    /** @return the response when the call succeeded */
    public Optional<SdkResponse> responseIfSucceeded() {
        return Optional.ofNullable(response);
    }

    /** @return the AWS error code when the call failed, e.g. {@code ResourceNotFoundException} */
    public Optional<String> errorCode() {
        if (error instanceof software.amazon.awssdk.awscore.exception.AwsServiceException e
                && e.awsErrorDetails() != null) {
            return Optional.ofNullable(e.awsErrorDetails().errorCode());
        }
        return Optional.ofNullable(error).map(e -> e.getClass().getSimpleName());
    }

    @Override
    public String toString() {
        return time + " " + operation + " " + request + " -> "
                + (error == null ? "OK" : errorCode().orElse("error") + ": " + error.getMessage());
    }
}
