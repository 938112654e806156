/**
 * Internals of {@link io.dmskit.testkit.FakeSecretsManager}: the store's entry point ({@code SecretStore}) over the
 * table of secrets, their versions and staging labels, the operations grouped by job (read, write, lifecycle,
 * passwords), the request checks, filters and pages, and the factory of AWS-shaped errors (also the shape of the
 * errors {@code Faults} injects). Not API: may change without notice.
 */
package io.dmskit.testkit.internal.secrets;
