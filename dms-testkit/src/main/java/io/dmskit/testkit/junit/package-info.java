/**
 * Internals of the JUnit 5 integration ({@link io.dmskit.testkit.DmsSandbox},
 * {@link io.dmskit.testkit.WithDmsSandbox}): the run-wide shared S3 server and per-scope bucket clean-up, and the
 * extension behind the annotation. Not API: may change without notice.
 */
package io.dmskit.testkit.junit;
