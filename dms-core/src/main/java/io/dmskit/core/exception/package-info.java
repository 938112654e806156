/**
 * The exceptions dmskit core throws, all unchecked and rooted at {@link io.dmskit.core.exception.DmsKitException}:
 * a definition that cannot be built ({@link io.dmskit.core.exception.InvalidDefinitionException} with its
 * {@link io.dmskit.core.exception.DefinitionProblem}s), a change the apply policy refuses, an AWS call that failed for
 * good, a resource that failed and a wait that timed out. Each carries the resource, the operation and, where AWS
 * answered, its error code and request id.
 *
 * <pre>{@code
 * try {
 *     provisioner.apply(pipeline);
 * } catch (ChangeNotAllowedException e) {
 *     e.changes().forEach(System.err::println);
 * }
 * }</pre>
 */
package io.dmskit.core.exception;
