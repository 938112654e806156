package io.dmskit.model.s3.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads Parquet files with parquet-java (the reference implementation), the oracle for our writer. GZIP pages are
 * inflated with java.util.zip and SNAPPY pages with snappy-java instead of Hadoop's codecs (which would pull Hadoop's
 * runtime into the tests).
 */
final class ParquetJava {

    private ParquetJava() {
    }

    static ParquetFileReader open(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ZipCodecs()).build();
        return ParquetFileReader.open(new LocalInputFile(file), options);
    }

    /** @return every record of the file */
    static List<Group> read(Path file) throws IOException {
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<Group> out = new ArrayList<>();
            PageReadStore store;
            while ((store = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(store, new GroupRecordConverter(schema));
                for (long r = 0; r < store.getRowCount(); r++) {
                    out.add(rr.read());
                }
            }
            return out;
        }
    }

    private static final class ZipCodecs implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    return BytesInput.from(inflate(codec, bytes.toByteArray()));
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(inflate(codec, in));
                }

                @Override
                public void release() {
                }
            };
        }

        private static byte[] inflate(CompressionCodecName codec, byte[] in) throws IOException {
            return switch (codec) {
                case UNCOMPRESSED -> in;
                case GZIP -> new GZIPInputStream(new ByteArrayInputStream(in)).readAllBytes();
                case SNAPPY -> org.xerial.snappy.Snappy.uncompress(in);
                default -> throw new IOException("codec " + codec + " not expected from our writer");
            };
        }

        @Override
        public void release() {
        }
    }
}
