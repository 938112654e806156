package io.dmskit.verify;

import io.dmskit.verify.internal.csv.CsvScanner;
import io.dmskit.verify.support.DmsS3Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvScannerTest {

    private static long count(CsvScanner s, String text) throws IOException {
        return s.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, null);
    }

    private static List<List<String>> records(CsvScanner s, byte[] data, int capture) throws IOException {
        List<List<String>> out = new ArrayList<>();
        InputStream in = CsvScanner.maybeGunzip(new ByteArrayInputStream(data));
        s.scan(in, capture, (i, f) -> out.add(List.copyOf(f)) || true);
        return out;
    }

    @Test
    @DisplayName("quoted fields with embedded delimiters, quotes and line breaks stay one record")
    void quotedFieldsWithEmbeddedNewlines() throws IOException {
        CsvScanner s = new CsvScanner(",", "\n", '"');
        String text = "1,\"54, rue Royale\",x\n2,\"line one\nline two\",y\n3,\"say \"\"hi\"\"\",z\n";
        assertThat(count(s, text)).isEqualTo(3);
        List<List<String>> recs = records(s, text.getBytes(StandardCharsets.UTF_8), 3);
        assertThat(recs).hasSize(3);
        assertThat(recs.get(0)).containsExactly("1", "54, rue Royale", "x");
        assertThat(recs.get(1).get(1)).isEqualTo("line one\nline two");
        assertThat(recs.get(2).get(1)).isEqualTo("say \"hi\"");
    }

    @Test
    @DisplayName("a last record without a final line break is counted, a final line break adds no record")
    void lastRecordWithoutNewline() throws IOException {
        CsvScanner s = new CsvScanner(",", "\n", '"');
        assertThat(count(s, "a,b\nc,d")).isEqualTo(2);
        assertThat(count(s, "a,b\nc,d\n")).isEqualTo(2);
        assertThat(count(s, "")).isZero();
    }

    @Test
    @DisplayName("any field and row delimiter works, including multi-character ones")
    void customDelimiters() throws IOException {
        List<List<String>> rows = List.of(List.of("I", "1", "a|b"), List.of("U", "2", "c\r\nd"), List.of("D", "3", ""));
        for (String[] d : new String[][]{{"|", "\n"}, {"\t", "\r\n"}, {"::", "##\n"}, {";", "\r"}}) {
            CsvScanner s = new CsvScanner(d[0], d[1], '"');
            byte[] data = DmsS3Fixtures.csv(rows, d[0], d[1]);
            List<List<String>> recs = records(s, data, 3);
            assertThat(recs).as("delimiters %s", List.of(d)).hasSize(3);
            assertThat(recs.get(0)).containsExactly("I", "1", "a|b");
            assertThat(recs.get(1)).containsExactly("U", "2", "c\r\nd");
            assertThat(recs.get(2)).containsExactly("D", "3", "");
        }
    }

    @Test
    @DisplayName("gzip input is recognised by its magic bytes")
    void gzipDetected() throws IOException {
        byte[] data = DmsS3Fixtures.gzip(DmsS3Fixtures.csv(DmsS3Fixtures.cdc("I", DmsS3Fixtures.rows(1, 500))));
        CsvScanner s = new CsvScanner(",", "\n", '"');
        List<List<String>> recs = records(s, data, 1);
        assertThat(recs).hasSize(500).allSatisfy(r -> assertThat(r).containsExactly("I"));
    }

    @Test
    @DisplayName("with Rfc4180=false quotes are plain characters")
    void quotesIgnoredWithoutRfc4180() throws IOException {
        CsvScanner s = new CsvScanner(",", "\n", -1);
        assertThat(count(s, "1,\"a\n2,b\"\n")).isEqualTo(2);
    }

    @Test
    @DisplayName("the fast counting path and the capturing path agree on large input")
    void fastAndSlowPathsAgree() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            rows.add(List.of(r.nextBoolean() ? "I" : "D", String.valueOf(i),
                    r.nextInt(10) == 0 ? "multi\nline, \"quoted\"" : "plain " + i));
        }
        byte[] data = DmsS3Fixtures.csv(rows);
        CsvScanner s = new CsvScanner(",", "\n", '"');
        long fast = s.scan(new ByteArrayInputStream(data), 0, null);
        long[] deletes = {0};
        long slow = s.scan(new ByteArrayInputStream(data), 1, (i, f) -> {
            if (f.get(0).equals("D")) {
                deletes[0]++;
            }
            return true;
        });
        long expectedDeletes = rows.stream().filter(x -> x.get(0).equals("D")).count();
        assertThat(fast).isEqualTo(20_000);
        assertThat(slow).isEqualTo(20_000);
        assertThat(deletes[0]).isEqualTo(expectedDeletes);
    }
}
