/**
 * Internals of {@link io.dmskit.testkit.FakeSecretsManager}: the secret store (versions, staging labels, scheduled
 * deletion, filters) and the factory of AWS-shaped errors (also the shape of the errors {@code Faults} injects).
 * Not API: may change without notice.
 */
package io.dmskit.testkit.internal.secrets;
