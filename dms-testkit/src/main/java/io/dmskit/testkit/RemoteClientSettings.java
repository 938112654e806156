package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.server.MotoTimestampInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Internal: how {@code DmsSandbox.forEndpoint(URI)} configures SDK clients for an AWS-compatible endpoint (moto,
 * LocalStack, ...). Immutable. Not API.
 *
 * @param endpoint the endpoint URL
 * @param region the signing region
 * @param accessKeyId dummy access key id
 * @param secretAccessKey dummy secret key
 * @param maxAttempts attempts per call, first one included (standard retry mode)
 * @param apiCallTimeout the limit for one call including retries
 * @param fixTimestamps whether to add the {@link MotoTimestampInterceptor}
 * @param interceptors further interceptors
 */
record RemoteClientSettings(URI endpoint, Region region, String accessKeyId, String secretAccessKey,
                                   int maxAttempts, Duration apiCallTimeout, boolean fixTimestamps,
                                   List<ExecutionInterceptor> interceptors) {

    /**
     * Validates and copies.
     *
     * @param endpoint endpoint
     * @param region region
     * @param accessKeyId key id
     * @param secretAccessKey secret key
     * @param maxAttempts attempts
     * @param apiCallTimeout timeout
     * @param fixTimestamps fix timestamps
     * @param interceptors interceptors
     */
    public RemoteClientSettings {
        List<String> problems = new ArrayList<>();
        if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
            problems.add("endpoint must be an absolute URL such as http://127.0.0.1:4566, was " + endpoint);
        }
        if (region == null) {
            problems.add("region must be set");
        }
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            problems.add("credentials must be set (any non-blank dummy values)");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            problems.add("maxAttempts must be between 1 and 10, was " + maxAttempts);
        }
        if (apiCallTimeout == null || apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            problems.add("apiCallTimeout must be positive, was " + apiCallTimeout);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid remote client settings: " + String.join("; ", problems));
        }
        interceptors = List.copyOf(Args.required(interceptors, "RemoteClientSettings: interceptors"));
    }

    /**
     * Applies endpoint, region, credentials, HTTP client, retries, timeout and interceptors to a client builder.
     *
     * @param builder an SDK client builder
     * @param <B> the builder type
     * @return the builder
     */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B apply(B builder) {
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                .apiCallTimeout(apiCallTimeout);
        if (fixTimestamps) {
            o.addExecutionInterceptor(new MotoTimestampInterceptor());
        }
        interceptors.forEach(o::addExecutionInterceptor);
        builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o.build());
        return builder;
    }

    @Override
    public String toString() {
        return "RemoteClientSettings[" + endpoint + ", " + region + ", maxAttempts=" + maxAttempts
                + ", apiCallTimeout=" + apiCallTimeout + ", fixTimestamps=" + fixTimestamps + "]";
    }
}
