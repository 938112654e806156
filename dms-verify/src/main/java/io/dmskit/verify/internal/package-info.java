/** Implementation details (CSV scanning, Parquet footer reading, SQL, rendering); not public API, may change. */
package io.dmskit.verify.internal;
