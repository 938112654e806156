/**
 * DMS's Parquet output, read and written without Hadoop or parquet-java: {@link io.dmskit.model.s3.parquet.ParquetWriter}
 * streams flat files the way the local engine writes them, {@link io.dmskit.model.s3.parquet.ParquetReader} reads
 * footers (row counts, statistics) and decodes column chunks for verification. Every malformed input fails with
 * {@link io.dmskit.model.s3.parquet.ParquetFormatException}.
 *
 * <pre>{@code
 * try (ParquetWriter w = ParquetWriter.builder()
 *         .columns(List.of(ParquetColumn.string("Op"), ParquetColumn.int64("id")))
 *         .compression(ParquetCompression.GZIP)
 *         .open(out)) {
 *     w.write("I", 1L);
 * }
 * ParquetFooter footer = ParquetReader.readFooter(bytes);   // footer.numRows() == 1
 * }</pre>
 */
package io.dmskit.model.s3.parquet;
