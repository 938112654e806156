/**
 * A local AWS endpoint for the fakes: {@link io.dmskit.local.DmsLocalServer} serves DMS and Secrets Manager (AWS JSON
 * 1.1), CloudWatch Logs and S3 (path-style) on one loopback port, backed by dms-testkit's {@code FakeDms},
 * {@code FakeSecretsManager}, {@code FakeCloudWatchLogs} and {@code LocalS3}, with the local replication engine, so
 * that the AWS CLI, boto3, Terraform and any SDK client built with {@code endpointOverride} can drive it;
 * {@link io.dmskit.local.WithDmsLocal} starts one per JUnit 5 test class and {@link io.dmskit.local.DmsLocalMain} is
 * the command ({@code bin/dms-local}).
 */
package io.dmskit.local;
