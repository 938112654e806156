/**
 * The CSV dialect DMS writes to S3 ({@code CsvDelimiter}, {@code CsvRowDelimiter}, {@code Rfc4180},
 * {@code CsvNullValue}, {@code AddColumnName}, the Op and timestamp columns, {@code CsvNoSupValue}): one writer and one
 * streaming, bounded-memory reader of the same {@link io.dmskit.model.s3.csv.CsvDialect}.
 */
package io.dmskit.model.s3.csv;
