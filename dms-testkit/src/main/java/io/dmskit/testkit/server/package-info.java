/**
 * Real AWS-compatible endpoints for tests: {@link io.dmskit.testkit.server.MotoServer} runs a {@code moto_server}
 * process; {@link io.dmskit.testkit.server.MotoTimestampInterceptor} makes moto's ISO timestamps readable by the AWS
 * SDK for Java v2. Clients for such endpoints come from {@link io.dmskit.testkit.DmsSandbox#forEndpoint(java.net.URI)}.
 */
package io.dmskit.testkit.server;
