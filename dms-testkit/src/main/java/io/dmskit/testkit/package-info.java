/**
 * Offline AWS DMS for JUnit: {@link io.dmskit.testkit.FakeDms}, {@link io.dmskit.testkit.FakeSecretsManager},
 * {@link io.dmskit.testkit.LocalS3}, the JUnit extension {@link io.dmskit.testkit.DmsSandbox} (and its annotation form
 * {@link io.dmskit.testkit.WithDmsSandbox}), the virtual clock ({@link io.dmskit.testkit.FakeClock},
 * {@link io.dmskit.testkit.Timings}) and the fault rules shared by every fake ({@link io.dmskit.testkit.Faults}).
 *
 * <p>The other API packages are {@code dataplane} (the SPI of replication engines), {@code server} (moto) and
 * {@code localstack}. Everything under {@code io.dmskit.testkit.internal} is implementation.
 */
package io.dmskit.testkit;
