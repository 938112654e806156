/**
 * Verification of AWS DMS pipelines: {@link io.dmskit.verify.Verifier} counts every replicated table on the source,
 * the target (S3 in DMS's layout, or a database) and in DMS's table statistics, and returns a
 * {@link io.dmskit.verify.VerificationReport}; {@link io.dmskit.verify.Verifier#probeCdc(io.dmskit.verify.probe.CdcProbeOptions)}
 * measures change-data-capture latency with a marker row. Supporting types live in the feature subpackages
 * {@code source}, {@code target}, {@code report} and {@code probe}; {@code internal} is not public API.
 */
package io.dmskit.verify;
