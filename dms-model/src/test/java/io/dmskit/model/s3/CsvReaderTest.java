package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static final CsvDialect DEFAULT = S3OutputSettings.of(b -> b.bucketName("b")).csvDialect();

    private static long count(CsvDialect d, String text) throws IOException {
        return d.reader().scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, null);
    }

    private static List<List<String>> records(CsvDialect d, byte[] data) throws IOException {
        return d.reader().readAll(CsvReader.maybeGunzip(new ByteArrayInputStream(data)));
    }

    @Test
    @DisplayName("quoted fields with embedded delimiters, quotes and line breaks stay one record")
    void quotedFieldsWithEmbeddedNewlines() throws IOException {
        String text = "1,\"54, rue Royale\",x\n2,\"line one\nline two\",y\n3,\"say \"\"hi\"\"\",z\n";
        assertThat(count(DEFAULT, text)).isEqualTo(3);
        List<List<String>> recs = records(DEFAULT, text.getBytes(StandardCharsets.UTF_8));
        assertThat(recs).hasSize(3);
        assertThat(recs.get(0)).containsExactly("1", "54, rue Royale", "x");
        assertThat(recs.get(1).get(1)).isEqualTo("line one\nline two");
        assertThat(recs.get(2).get(1)).isEqualTo("say \"hi\"");
    }

    @Test
    @DisplayName("a last record without a final line break is counted, a final line break adds no record")
    void lastRecordWithoutNewline() throws IOException {
        assertThat(count(DEFAULT, "a,b\nc,d")).isEqualTo(2);
        assertThat(count(DEFAULT, "a,b\nc,d\n")).isEqualTo(2);
        assertThat(count(DEFAULT, "")).isZero();
        assertThat(DEFAULT.reader().scan(new ByteArrayInputStream("a,b\nc,d".getBytes(StandardCharsets.UTF_8)), 1,
                (i, f) -> true)).isEqualTo(2);
    }

    @Test
    @DisplayName("any field and row delimiter works, including multi-character ones; an unquoted empty field is NULL")
    void customDelimiters() throws IOException {
        List<List<String>> rows = List.of(List.of("I", "1", "a|b"), List.of("U", "2", "c\r\nd"),
                Arrays.asList("D", "3", null));
        for (String[] d : new String[][] {{"|", "\n"}, {"\t", "\r\n"}, {"::", "##\n"}, {";", "\r"}}) {
            CsvDialect csv = CsvDialect.of(d[0], d[1], true, "");
            StringBuilder text = new StringBuilder();
            rows.forEach(r -> csv.appendRecord(text, r));
            List<List<String>> recs = records(csv, text.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(recs).as("delimiters %s", List.of(d)).isEqualTo(rows);
        }
    }

    @Test
    @DisplayName("a row delimiter whose start repeats inside it is found after a partial match (\\r\\r\\n after a \\r)")
    void selfOverlappingRowDelimiter() throws IOException {
        // before issue #9 the verifier's scanner restarted its match on the wrong byte and read 1 record here
        CsvDialect crcrlf = CsvDialect.of(",", "\r\r\n", false, "");
        assertThat(count(crcrlf, "1,a\r\r\r\n2,b\r\r\n3,c\r\r\n")).isEqualTo(3);
        assertThat(records(crcrlf, "1,a\r\r\r\n2,b".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(List.of("1", "a\r"), List.of("2", "b"));
        CsvDialect aab = CsvDialect.of(",", "aab", true, "");
        assertThat(count(aab, "xaaab1aab")).isEqualTo(2);
    }

    @Test
    @DisplayName("a field delimiter that starts the row delimiter ends the record, not one more empty field")
    void fieldDelimiterPrefixOfRowDelimiter() throws IOException {
        // before issue #9 "id|\n" under CsvRowDelimiter "|\n" read as [id, ""], so a one-column header was missed
        CsvDialect pipe = CsvDialect.of("|", "|\n", false, "");
        assertThat(records(pipe, "id|\n1|a|\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(List.of("id"), List.of("1", "a"));
    }

    @Test
    @DisplayName("gzip input is recognised by its magic bytes")
    void gzipDetected() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            DEFAULT.appendRecord(text, List.of("I", String.valueOf(i)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<String> ops = new ArrayList<>();
        DEFAULT.reader().scan(CsvReader.maybeGunzip(new ByteArrayInputStream(bytes.toByteArray())), 1,
                (i, f) -> ops.add(f.get(0)));
        assertThat(ops).hasSize(500).containsOnly("I");
    }

    @Test
    @DisplayName("with Rfc4180=false quotes are plain characters")
    void quotesIgnoredWithoutRfc4180() throws IOException {
        CsvDialect plain = CsvDialect.of(",", "\n", false, "");
        assertThat(count(plain, "1,\"a\n2,b\"\n")).isEqualTo(2);
        assertThat(plain.format(List.of("say \"hi\"", "x"))).isEqualTo("say \"hi\",x\n");
    }

    @Test
    @DisplayName("the fast counting path and the capturing path agree on large input")
    void fastAndSlowPathsAgree() throws IOException {
        StringBuilder text = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        long expectedDeletes = 0;
        for (int i = 0; i < 20_000; i++) {
            String op = r.nextBoolean() ? "I" : "D";
            expectedDeletes += op.equals("D") ? 1 : 0;
            DEFAULT.appendRecord(text, List.of(op, String.valueOf(i),
                    r.nextInt(10) == 0 ? "multi\nline, \"quoted\"" : "plain " + i));
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        long fast = DEFAULT.reader().scan(new ByteArrayInputStream(data), 0, null);
        long[] deletes = {0};
        long slow = DEFAULT.reader().scan(new ByteArrayInputStream(data), 1, (i, f) -> {
            if (f.get(0).equals("D")) {
                deletes[0]++;
            }
            return true;
        });
        assertThat(fast).isEqualTo(20_000);
        assertThat(slow).isEqualTo(20_000);
        assertThat(deletes[0]).isEqualTo(expectedDeletes);
    }

    @Test
    @DisplayName("real DMS full-load output reads as its documented 122 rows of 13 fields, NULLs as empty fields")
    void realDmsOutput() throws IOException {
        Path corpus = Path.of(Files.isDirectory(Path.of("../../shared/corpus/dms-s3-output"))
                ? "../../shared/corpus/dms-s3-output" : "/work/shared/corpus/dms-s3-output");
        Path file = corpus.resolve("classicmodels-customers/LOAD00000001.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(file), "corpus not available at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            List<List<String>> rows = DEFAULT.reader().readAll(in);
            assertThat(rows).hasSize(122).allSatisfy(r -> assertThat(r).hasSize(13));
            assertThat(rows.get(0).get(5)).isEqualTo("54, rue Royale");
            assertThat(rows.get(0).get(6)).isNull();
            assertThat(rows.get(0).get(3)).isEqualTo("Carine ");
        }
    }
}
