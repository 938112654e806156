package io.dmskit.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the CSV settings, what the dialect writes its reader reads back (DMS's own NULL ambiguity aside). */
class CsvRoundTripProperties {

    private static final List<String> DELIMITERS = List.of(",", "|", "\t", ";", "||", "~|~", "\u00a7", "\u00f6", "::",
            "\u2603", " ", "\\");
    private static final List<String> ROW_DELIMITERS = List.of("\n", "\r\n", "\r", "#\n", "\u2028", "~~", "$$$");
    private static final List<String> NULL_VALUES = List.of("", "NULL", "\\N", "<null>");

    /** One generated file: settings, whether rows carry the Op field, the columns and the rows. */
    record Sample(S3OutputSettings settings, boolean opField, List<String> columns, List<List<String>> rows,
                  long seed) {
    }

    @Property(tries = 1000)
    @Label("write then read gives back every header and data field; a value equal to CsvNullValue reads as NULL")
    void writtenRowsReadBack(@ForAll("samples") Sample s) throws IOException {
        CsvDialect csv = s.settings().csvDialect();
        StringBuilder text = new StringBuilder();
        List<List<String>> expected = new ArrayList<>();
        if (csv.headerRow()) {
            List<String> header = csv.header(s.opField(), s.columns());
            csv.appendRecord(text, header);
            expected.add(readable(header, csv));
        }
        for (List<String> row : s.rows()) {
            String ts = csv.rfc4180() || !(csv.delimiter() + csv.rowDelimiter()).contains(" ")
                    ? "2024-05-28 19:51:41.388146" : "2024-05-28T19:51:41.388146";
            List<String> fields = csv.layout(s.opField() ? "U" : null, ts, row);
            csv.appendRecord(text, fields);
            expected.add(readable(fields, csv));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        List<List<String>> back = csv.reader().readAll(new Trickle(bytes, new Random(s.seed())));

        assertThat(back).as("%s %s", csv, text).isEqualTo(expected);
        long counted = csv.reader().scan(new ByteArrayInputStream(bytes), 0, null);
        assertThat(counted).isEqualTo(expected.size());
    }

    @Property(tries = 300)
    @Label("the first fields alone are captured as they were written, whatever the rest of the record holds")
    void capturesLeadingFields(@ForAll("samples") Sample s) throws IOException {
        CsvDialect csv = s.settings().csvDialect();
        StringBuilder text = new StringBuilder();
        for (List<String> row : s.rows()) {
            csv.appendRecord(text, row);
        }
        List<String> firsts = new ArrayList<>();
        csv.reader().scan(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 1,
                (i, f) -> firsts.add(f.get(0)) || true);
        assertThat(firsts).isEqualTo(s.rows().stream().map(r -> readable(r, csv).get(0)).toList());
    }

    private static List<String> readable(List<String> fields, CsvDialect csv) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            out.add(f == null || f.equals(csv.nullValue()) ? null : f);
        }
        return out;
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<S3OutputSettings> settings = Combinators.combine(Arbitraries.of(DELIMITERS),
                Arbitraries.of(ROW_DELIMITERS), Arbitraries.of(NULL_VALUES), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of("", "ts", "dms_ts"))
                .as((d, r, n, rfc, header, ts) -> List.of(d, r, n, rfc, header, ts))
                .filter(t -> !t.get(0).equals(t.get(1)) && ((String) t.get(2)).chars()
                        .noneMatch(c -> ((String) t.get(0) + t.get(1)).indexOf(c) >= 0))
                .map(t -> S3OutputSettings.builder().bucketName("b").csvDelimiter((String) t.get(0))
                        .csvRowDelimiter((String) t.get(1)).csvNullValue((String) t.get(2)).rfc4180((Boolean) t.get(3))
                        .addColumnName((Boolean) t.get(4)).timestampColumnName((String) t.get(5)).build());
        return Combinators.combine(settings, Arbitraries.of(true, false), Arbitraries.integers().between(1, 6),
                Arbitraries.longs()).flatAs((st, op, width, seed) -> {
                    Arbitrary<String> value = values(st);
                    Arbitrary<List<List<String>>> rows = value.list().ofSize(width).list().ofMinSize(0).ofMaxSize(12);
                    List<String> columns = new ArrayList<>();
                    for (int i = 0; i < width; i++) {
                        columns.add("col_" + i);
                    }
                    return rows.map(rs -> new Sample(st, op, columns, rs, seed));
                });
    }

    /** Values full of the dialect's own characters; without Rfc4180 only those DMS can write unambiguously. */
    private static Arbitrary<String> values(S3OutputSettings s) {
        String special = s.csvDelimiter() + s.csvRowDelimiter() + "\"\n\r,|\u00e9\u4e2d\ud83d\ude00 a1" + s.csvNullValue();
        Arbitrary<String> text = Arbitraries.strings().withChars(special.toCharArray()).ofMaxLength(12)
                .filter(v -> !hasLoneSurrogate(v));
        Arbitrary<String> candidates = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, text),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(s.csvNullValue())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\"\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMaxLength(8)));
        if (!s.rfc4180()) {
            String reserved = s.csvDelimiter() + s.csvRowDelimiter();
            candidates = candidates.filter(v -> v.chars().noneMatch(c -> reserved.indexOf(c) >= 0));
        }
        return candidates.injectNull(0.15);
    }

    private static boolean hasLoneSurrogate(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= v.length() || !Character.isLowSurrogate(v.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Hands out the bytes in small random pieces, so that delimiters straddle the reader's refills. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final Random random;
        private int pos;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(5)), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
