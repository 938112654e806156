/**
 * Internals of {@link io.dmskit.testkit.LocalS3}: how the embedded S3Mock server is started and stopped. Not API: may
 * change without notice.
 */
package io.dmskit.testkit.internal.s3;
