/**
 * DMS's S3 output format, once for every dmskit module: the settings of an S3 target with DMS's defaults
 * ({@link io.dmskit.model.s3.S3OutputSettings}), the names DMS gives objects and folders
 * ({@link io.dmskit.model.s3.S3ObjectNames}), and, in {@code io.dmskit.model.s3}, the CSV dialect it writes. The
 * local engine writes with these and dms-verify reads with them, so writer and reader cannot drift apart.
 */
package io.dmskit.model.s3;
