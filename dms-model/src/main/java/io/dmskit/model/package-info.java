/**
 * What AWS DMS itself defines, in one place for every dmskit module: its vocabulary (task statuses, stop reasons,
 * identifier rules) here, and its S3 output format in {@code io.dmskit.model.s3}. Depends on nothing of dmskit.
 */
package io.dmskit.model;
