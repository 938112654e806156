/**
 * LocalStack through Testcontainers ({@link io.dmskit.testkit.localstack.LocalStackSandbox}), an optional
 * dependency: add {@code org.testcontainers:testcontainers-localstack} to use it.
 */
package io.dmskit.testkit.localstack;
