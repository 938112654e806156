/**
 * Targets and their counts: {@link io.dmskit.verify.target.S3Target} (DMS's S3 layout, CSV and Parquet),
 * {@link io.dmskit.verify.target.JdbcTarget}, and {@link io.dmskit.verify.target.S3TableCounter}, usable on its own.
 */
package io.dmskit.verify.target;
