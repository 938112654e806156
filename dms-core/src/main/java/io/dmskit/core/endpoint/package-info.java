/** Endpoint settings per engine (MySQL, PostgreSQL, Oracle, SQL Server, S3, Kinesis), their enums and credentials. */
package io.dmskit.core.endpoint;
