/**
 * Implementation details (CSV scanning, Parquet footer reading, SQL, the CDC probe, rendering); not public API, may
 * change.
 */
package io.dmskit.verify.internal;
