/**
 * What the provisioner reports and takes: plans and their changes, apply policy and result, retries, progress.
 * These types follow the null policy of {@link io.dmskit.core}: a constructor, factory or method given a null
 * required value, a null element or a value out of range throws
 * {@link io.dmskit.core.exception.InvalidDefinitionException} at once, naming the parameter (e.g.
 * {@code DestroyOptions.deleteManagedSecrets().recoveryWindowDays(3)}, {@code ResourceKind.parse("job")},
 * {@code new Plan(null, changes)}); no other exception escapes.
 */
package io.dmskit.core.provision;
