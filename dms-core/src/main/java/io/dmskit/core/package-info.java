/**
 * dmskit core: typed, validated definitions of AWS DMS resources ({@link io.dmskit.core.Endpoint},
 * {@link io.dmskit.core.ReplicationInstance}, {@link io.dmskit.core.ReplicationSubnetGroup},
 * {@link io.dmskit.core.ReplicationTask}, {@link io.dmskit.core.TaskSettings}), a {@link io.dmskit.core.Pipeline}
 * tying them together, and the {@link io.dmskit.core.DmsProvisioner} that plans, applies, operates and destroys it.
 * Every exception dmskit throws extends {@link io.dmskit.core.exception.DmsKitException}.
 *
 * <h2>Null policy and validation (every builder in this package and in {@code endpoint}, {@code settings})</h2>
 * <ul>
 *   <li><b>Setters never throw.</b> They store what they are given and {@code build()} reports every problem at once
 *       in one {@link io.dmskit.core.exception.InvalidDefinitionException}, each
 *       {@link io.dmskit.core.exception.DefinitionProblem} naming the resource and DMS's field.</li>
 *   <li><b>Null unsets an optional value</b> (as in the AWS SDK): {@code databaseName(null)},
 *       {@code sslMode(null)}, {@code vpcSecurityGroupIds((String[]) null)}, {@code tags(null)},
 *       {@code otherSection("X", null)} leave the field unset (DMS's default) or remove the entry.</li>
 *   <li><b>Null for a required value</b> (an identifier, a password, a task's endpoints) and <b>null elements</b>
 *       of varargs, collections and maps ({@code vpcSecurityGroupIds((String) null)}, {@code tag("k", null)}) are
 *       reported by {@code build()} with the other problems. So are values DMS does not know
 *       ({@code dataFormat("orc")}) and values that are not JSON ({@code otherSection("X", new Object())}).</li>
 *   <li><b>What cannot be deferred</b> (there is no builder to report it from) throws
 *       {@code InvalidDefinitionException} at once, as the method's javadoc says: {@code of(id, null)},
 *       {@code Secret.of(null)}, {@code Credentials.password(user, null)}, {@code TaskSettings.fromJson(null)}.</li>
 *   <li><b>The provisioner too</b>: {@code DmsProvisioner.builder()}'s setters store (null restores the default)
 *       and {@code build()} reports every problem; {@link io.dmskit.core.DmsProvisioner}'s methods and the types of
 *       {@code io.dmskit.core.provision} throw {@code InvalidDefinitionException} at once for a null or invalid
 *       argument, naming the method and the parameter ({@code DmsProvisioner.apply: pipeline: is null}).</li>
 *   <li><b>AWS's rules are checked offline</b>, where AWS documents them: identifiers (letters, digits, hyphens,
 *       beginning with a letter, no trailing or double hyphen; 63 characters for instances, 255 for endpoints and
 *       tasks), ARNs ({@code arn:partition:service:region:account-id:resource}, with the service and resource kind
 *       checked: {@code iam} roles, {@code kms} keys or aliases, {@code secretsmanager} secrets, {@code dms}
 *       certificates, {@code kinesis} streams), tags (keys 1-128 and values 0-256 letters, digits, white space and
 *       {@code _ . : / = + - @}, keys not beginning with {@code aws:} or {@code dms:}, {@code dmskit:pipeline}
 *       reserved; the pipeline's name is that tag's value), maintenance windows ({@code ddd:hh24:mi-ddd:hh24:mi},
 *       valid days and times, at least 30 minutes, may wrap the end of the week), and control characters in host
 *       names, database names, user names and positions. Messages quote values with control characters escaped and
 *       long values shortened.</li>
 *   <li><b>Tags have set semantics</b> on every resource: {@code tag(k, v)} adds or replaces one, {@code tags(map)}
 *       replaces them all, {@code removeTag(k)} and {@code clearTags()} remove; the definition is the whole tag set
 *       (the provisioner removes tags a resource has and its definition does not).</li>
 * </ul>
 *
 * <p>To have a whole pipeline report every problem of every resource at once, give {@link io.dmskit.core.Pipeline}
 * the builders (or specs) rather than built resources:
 *
 * <pre>{@code
 * Pipeline.builder("acme")
 *     .instance(ReplicationInstance.builder("acme-dms").instanceClass("dms.t3.medium"))   // no build() here
 *     .endpoint(Endpoint.s3("acme-lake").s3Settings(s -> s.bucketName("acme-lake").serviceAccessRoleArn(role)))
 *     .task("acme-replication", t -> t.source("acme-mysql").target("acme-lake") ...)
 *     .build();                                    // one InvalidDefinitionException listing everything
 * }</pre>
 */
package io.dmskit.core;
