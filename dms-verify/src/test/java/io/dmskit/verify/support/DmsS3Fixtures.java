package io.dmskit.verify.support;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes objects the way DMS lays them out on S3: CSV (RFC 4180), gzip CSV and real Parquet files. */
public final class DmsS3Fixtures {

    private DmsS3Fixtures() {
    }

    /** Renders rows as DMS CSV: fields quoted when they contain the delimiter, a quote or a line break. */
    public static byte[] csv(List<List<String>> rows, String delimiter, String rowDelimiter) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                String f = row.get(i) == null ? "" : row.get(i);
                if (f.contains(delimiter) || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                    sb.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(f);
                }
            }
            sb.append(rowDelimiter);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return CSV with {@code ,} and {@code \n} */
    public static byte[] csv(List<List<String>> rows) {
        return csv(rows, ",", "\n");
    }

    /** @return gzip of the bytes */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Full-load rows of the standard test table (id, name, region) for ids from..to. */
    public static List<List<String>> rows(int from, int to) {
        List<List<String>> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(List.of(String.valueOf(i), "name " + i, i % 4 == 0 ? "EU" : "US"));
        }
        return out;
    }

    /** CDC rows: each row prefixed with the op. */
    public static List<List<String>> cdc(String op, List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> x = new ArrayList<>();
            x.add(op);
            x.addAll(r);
            out.add(x);
        }
        return out;
    }

    /** Puts an object. */
    public static void put(S3Client s3, String bucket, String key, byte[] content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** Settings of a Parquet fixture. */
    public record ParquetSpec(CompressionCodecName codec, boolean dictionary, boolean v2, int rowGroupBytes,
                              int pageBytes) {
        /** @return DMS-like defaults: snappy, dictionary, v1 pages */
        public static ParquetSpec dmsDefaults() {
            return new ParquetSpec(CompressionCodecName.SNAPPY, true, false, 128 * 1024 * 1024, 1024 * 1024);
        }
    }

    /**
     * Writes a Parquet file with columns (Op optional, id, name, region, padding) using parquet-java's writer.
     *
     * @param ops Op per row, or null for a full-load file without an Op column; an entry may be null (null Op)
     * @param ids id per row
     * @param padding bytes of incompressible text per row (to reach a target object size)
     */
    public static byte[] parquet(List<String> ops, List<Integer> ids, int padding, ParquetSpec spec, long seed) {
        String schemaText = "message dms { " + (ops == null ? "" : "optional binary Op (UTF8); ")
                + "required int32 id; optional binary name (UTF8); optional binary region (UTF8); "
                + "optional binary padding (UTF8); }";
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        java.util.Random rnd = new java.util.Random(seed);
        try {
            Path dir = Files.createTempDirectory("dmskit-parquet");
            Path file = dir.resolve("f.parquet");
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(
                            new org.apache.hadoop.fs.Path(file.toUri()))
                    .withConf(new Configuration())
                    .withType(schema)
                    .withCompressionCodec(spec.codec())
                    .withDictionaryEncoding(spec.dictionary())
                    .withWriterVersion(spec.v2() ? ParquetProperties.WriterVersion.PARQUET_2_0
                            : ParquetProperties.WriterVersion.PARQUET_1_0)
                    .withRowGroupSize(spec.rowGroupBytes())
                    .withPageSize(spec.pageBytes())
                    .build()) {
                SimpleGroupFactory f = new SimpleGroupFactory(schema);
                char[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
                for (int i = 0; i < ids.size(); i++) {
                    Group g = f.newGroup();
                    if (ops != null && ops.get(i) != null) {
                        g.append("Op", ops.get(i));
                    }
                    int id = ids.get(i);
                    g.append("id", id).append("name", "name " + id).append("region", id % 4 == 0 ? "EU" : "US");
                    if (padding > 0) {
                        char[] p = new char[padding];
                        for (int k = 0; k < padding; k++) {
                            p[k] = alphabet[rnd.nextInt(alphabet.length)];
                        }
                        g.append("padding", new String(p));
                    }
                    w.write(g);
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            try (var s = Files.list(dir)) {
                for (Path x : s.toList()) {
                    Files.deleteIfExists(x);
                }
            }
            Files.deleteIfExists(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return ids from..to */
    public static List<Integer> ids(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }
}
