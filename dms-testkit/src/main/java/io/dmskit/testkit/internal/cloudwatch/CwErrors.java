package io.dmskit.testkit.internal.cloudwatch;

import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidFormatException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

/**
 * The errors CloudWatch answers with, as the SDK unmarshals them: the exception class, HTTP status and the error
 * codes the CloudWatch API reference lists per operation ({@code InvalidParameterValue},
 * {@code InvalidParameterCombination}, {@code MissingParameter}, {@code InvalidNextToken},
 * {@code ResourceNotFound}, {@code InvalidFormat}).
 */
final class CwErrors {

    private static final String SERVICE = "CloudWatch";

    private CwErrors() {
    }

    static InvalidParameterValueException invalidValue(String message) {
        return fill(InvalidParameterValueException.builder(), "InvalidParameterValue", 400, message);
    }

    /** Every problem of one request at once, as one InvalidParameterValue error. */
    static InvalidParameterValueException invalidValues(List<String> problems) {
        return invalidValue(problems.size() == 1 ? problems.get(0)
                : problems.size() + " validation errors detected: " + String.join("; ", problems));
    }

    static InvalidParameterCombinationException invalidCombination(String message) {
        return fill(InvalidParameterCombinationException.builder(), "InvalidParameterCombination", 400, message);
    }

    static MissingRequiredParameterException missing(String parameter) {
        return fill(MissingRequiredParameterException.builder(), "MissingParameter", 400,
                "The parameter " + parameter + " is required.");
    }

    static InvalidNextTokenException invalidNextToken(String token) {
        return fill(InvalidNextTokenException.builder(), "InvalidNextToken", 400,
                "The service cannot use the NextToken '" + token + "': it was not returned for this request.");
    }

    static ResourceNotFoundException notFound(String message) {
        return fill(ResourceNotFoundException.builder(), "ResourceNotFound", 404, message);
    }

    static InvalidFormatException invalidFormat(String message) {
        return fill(InvalidFormatException.builder(), "InvalidFormat", 400, message);
    }

    @SuppressWarnings("unchecked")
    private static <E extends AwsServiceException, B extends AwsServiceException.Builder> E fill(B b, String code,
                                                                                                  int status,
                                                                                                  String message) {
        String requestId = UUID.randomUUID().toString();
        b.message(message).statusCode(status).requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(SERVICE)
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build());
        return (E) b.build();
    }
}
