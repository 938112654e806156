package io.dmskit.model.s3.parquet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Our writer and our reader agree on every combination of the writer's settings, and our reader survives any damage
 * to a file with nothing but {@link ParquetFormatException}.
 */
class ParquetRoundTripProperties {

    private static final long FIRST_SECOND = LocalDateTime.of(1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    enum Kind { STRING, BINARY, BOOL, INT32, INT64, FLOAT, DOUBLE, DATE, TIMESTAMP_MILLIS, TIMESTAMP_MICROS, DECIMAL }

    /** One generated column: what it is, how often it is null, and (for decimals) its precision and scale. */
    record Spec(Kind kind, int precision, int scale, double nulls) {
        ParquetColumn column(int index) {
            String name = "c" + index + "_" + kind.name().toLowerCase();
            return switch (kind) {
                case STRING -> ParquetColumn.string(name);
                case BINARY -> ParquetColumn.binary(name);
                case BOOL -> ParquetColumn.bool(name);
                case INT32 -> ParquetColumn.int32(name);
                case INT64 -> ParquetColumn.int64(name);
                case FLOAT -> ParquetColumn.float32(name);
                case DOUBLE -> ParquetColumn.float64(name);
                case DATE -> ParquetColumn.date(name);
                case TIMESTAMP_MILLIS -> ParquetColumn.timestampMillis(name);
                case TIMESTAMP_MICROS -> ParquetColumn.timestampMicros(name);
                case DECIMAL -> ParquetColumn.decimal(name, precision, scale);
            };
        }

        Arbitrary<Object> values(boolean longStrings) {
            Arbitrary<?> a = switch (kind) {
                case STRING -> strings(longStrings);
                case BINARY -> Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
                case BOOL -> Arbitraries.of(true, false);
                case INT32 -> Arbitraries.integers();
                case INT64 -> Arbitraries.longs();
                case FLOAT -> Arbitraries.oneOf(Arbitraries.floats(),
                        Arbitraries.of(Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE));
                case DOUBLE -> Arbitraries.oneOf(Arbitraries.doubles(),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Double.MIN_VALUE));
                case DATE -> Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
                case TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> Combinators.combine(
                        Arbitraries.longs().between(FIRST_SECOND, LAST_SECOND),
                        Arbitraries.integers().between(0, 999_999_999))
                        .as((s, n) -> LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC));
                case DECIMAL -> decimals();
            };
            return a.map(v -> (Object) v).injectNull(nulls);
        }

        /** Decimals that fit, decimals with one digit too many after the point, and some far too large. */
        private Arbitrary<BigDecimal> decimals() {
            BigInteger fits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
            BigInteger tooBig = BigInteger.TEN.pow(precision + 4);
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, Arbitraries.bigIntegers().between(fits.negate(), fits)
                            .map(u -> new BigDecimal(u, scale))),
                    net.jqwik.api.Tuple.of(2, Arbitraries.bigIntegers().between(fits.negate(), fits)
                            .map(u -> new BigDecimal(u, scale + 1))),
                    net.jqwik.api.Tuple.of(1, Arbitraries.bigIntegers().between(tooBig.negate(), tooBig)
                            .map(u -> new BigDecimal(u, scale))));
        }

        /** What the reader must return for a written value. */
        Object expected(Object written) {
            if (written == null) {
                return null;
            }
            return switch (kind) {
                case TIMESTAMP_MILLIS -> ((LocalDateTime) written).truncatedTo(ChronoUnit.MILLIS);
                case TIMESTAMP_MICROS -> ((LocalDateTime) written).truncatedTo(ChronoUnit.MICROS);
                case DECIMAL -> {
                    BigDecimal r = ((BigDecimal) written).setScale(scale, RoundingMode.HALF_UP);
                    int bits = switch (column(0).type()) {
                        case INT32 -> 32;
                        case INT64 -> 64;
                        default -> column(0).typeLength() * 8;
                    };
                    yield r.unscaledValue().bitLength() < bits ? r : null;
                }
                default -> written;
            };
        }
    }

    /** A schema, its rows and the writer's settings. */
    record Case(List<Spec> specs, List<Object[]> rows, ParquetCompression compression, int rowGroupLength) {
        List<ParquetColumn> columns() {
            List<ParquetColumn> out = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                out.add(specs.get(i).column(i));
            }
            return out;
        }

        byte[] write() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ParquetWriter w = ParquetWriter.builder().columns(columns()).compression(compression)
                    .rowGroupLength(rowGroupLength).open(out)) {
                rows.forEach(w::write);
            }
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "Case[" + specs + ", " + rows.size() + " rows, " + compression + ", rowGroupLength="
                    + rowGroupLength + "]";
        }
    }

    private static Arbitrary<String> strings(boolean allowLong) {
        Arbitrary<String> unicode = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
                .list().ofMaxSize(24)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        Arbitrary<String> common = Arbitraries.of("", "I", "U", "D", "é", "日本語", "\uD83D\uDE00 emoji", "a,b\n\"c\"");
        if (!allowLong) {
            return Arbitraries.oneOf(unicode, common);
        }
        Arbitrary<String> longText = Combinators.combine(Arbitraries.of("x", "ü", "\uD83D\uDCA9", "abc"),
                Arbitraries.integers().between(1_000, 20_000)).as(String::repeat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, unicode), net.jqwik.api.Tuple.of(6, common),
                net.jqwik.api.Tuple.of(1, longText));
    }

    private static Arbitrary<Case> cases(int maxRows, boolean longStrings) {
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(1, 38),
                        Arbitraries.of(0.0, 0.25, 1.0))
                .flatAs((kind, precision, nulls) -> Arbitraries.integers().between(0, precision)
                        .map(scale -> new Spec(kind, precision, scale, nulls)));
        return spec.list().ofMinSize(1).ofMaxSize(6).flatMap(specs -> {
            List<Arbitrary<Object>> perColumn = specs.stream().map(s -> s.values(longStrings)).toList();
            Arbitrary<Object[]> row = Combinators.combine(perColumn).as(List::toArray);
            return Combinators.combine(row.list().ofMaxSize(maxRows),
                    Arbitraries.of(ParquetCompression.UNCOMPRESSED, ParquetCompression.SNAPPY, ParquetCompression.GZIP),
                    Arbitraries.oneOf(Arbitraries.integers().between(1, 40), Arbitraries.of(10_000)))
                    .as((rows, compression, rowGroup) -> new Case(specs, rows, compression, rowGroup));
        });
    }

    @Provide
    Arbitrary<Case> files() {
        return cases(120, true);
    }

    @Provide
    Arbitrary<Case> smallFiles() {
        return cases(30, false);
    }

    @Property(tries = 100)
    void everyRowReadsBackAsWritten(@ForAll("files") Case c) {
        byte[] file = c.write();

        List<Object[]> read = ParquetReader.readRows(file);

        assertThat(read).hasSize(c.rows().size());
        for (int r = 0; r < read.size(); r++) {
            Object[] expected = new Object[c.specs().size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = c.specs().get(i).expected(c.rows().get(r)[i]);
            }
            assertThat(read.get(r)).as("row %d", r).isEqualTo(expected);
        }
    }

    @Property(tries = 100)
    void theFooterDescribesSchemaRowGroupsAndNulls(@ForAll("smallFiles") Case c) {
        ParquetFooter footer = ParquetReader.readFooter(c.write());

        assertThat(footer.numRows()).isEqualTo(c.rows().size());
        assertThat(footer.leaves()).extracting(ParquetFooter.Leaf::column).isEqualTo(c.columns());
        assertThat(footer.leaves()).allSatisfy(l -> assertThat(l.maxDefinitionLevel()).isEqualTo(1));
        int groups = (c.rows().size() + c.rowGroupLength() - 1) / c.rowGroupLength();
        assertThat(footer.rowGroups()).hasSize(groups);
        for (int g = 0; g < groups; g++) {
            ParquetFooter.RowGroup group = footer.rowGroups().get(g);
            int from = g * c.rowGroupLength();
            int to = Math.min(c.rows().size(), from + c.rowGroupLength());
            assertThat(group.numRows()).isEqualTo(to - from);
            for (int i = 0; i < c.specs().size(); i++) {
                long nulls = 0;
                for (int r = from; r < to; r++) {
                    nulls += c.specs().get(i).expected(c.rows().get(r)[i]) == null ? 1 : 0;
                }
                ParquetFooter.ColumnChunk chunk = group.columns().get(i);
                assertThat(chunk.nullCount()).as("nulls of %s", chunk.path()).isEqualTo(nulls);
                assertThat(chunk.compression()).isEqualTo(c.compression());
                assertThat(chunk.numValues()).isEqualTo(to - from);
            }
        }
        assertThat(footer.createdBy()).contains(ParquetWriter.DEFAULT_CREATED_BY);
    }

    @Property(tries = 300)
    void aTruncatedFileFailsOnlyWithParquetFormatException(@ForAll("smallFiles") Case c, @ForAll long seed) {
        byte[] file = c.write();
        int cut = new Random(seed).nextInt(file.length);

        Throwable t = catchThrowable(() -> ParquetReader.readRows(Arrays.copyOf(file, cut)));

        assertThat(t).isInstanceOf(ParquetFormatException.class);
    }

    @Property(tries = 1000)
    void aDamagedFooterFailsOnlyWithParquetFormatException(@ForAll("smallFiles") Case c, @ForAll long seed,
                                                           @ForAll @IntRange(min = 1, max = 6) int damage) {
        byte[] file = c.write();
        int footerStart = file.length - ParquetReader.TRAILER_LENGTH - ParquetReader.footerLength(file);
        byte[] bad = damage(file, footerStart, file.length - ParquetReader.TRAILER_LENGTH, damage, new Random(seed));

        assertOnlyFormatErrors(bad);
        Statistics.coverage(check -> check.check("rejected").percentage(p -> p > 30));
    }

    @Property(tries = 1000)
    void damagedPagesFailOnlyWithParquetFormatException(@ForAll("smallFiles") Case c, @ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 6) int damage) {
        byte[] file = c.write();
        int footerStart = file.length - ParquetReader.TRAILER_LENGTH - ParquetReader.footerLength(file);
        byte[] bad = damage(file, 4, footerStart, damage, new Random(seed));

        assertOnlyFormatErrors(bad);
        Statistics.coverage(check -> check.check("rejected").percentage(p -> p > 10));
    }

    @Property(tries = 500)
    void randomBytesInAParquetEnvelopeFailOnlyWithParquetFormatException(@ForAll byte[] footer) {
        byte[] file = new byte[4 + footer.length + 8];
        System.arraycopy("PAR1".getBytes(), 0, file, 0, 4);
        System.arraycopy(footer, 0, file, 4, footer.length);
        int n = footer.length;
        int at = file.length - 8;
        file[at] = (byte) n;
        file[at + 1] = (byte) (n >>> 8);
        file[at + 2] = (byte) (n >>> 16);
        file[at + 3] = (byte) (n >>> 24);
        System.arraycopy("PAR1".getBytes(), 0, file, file.length - 4, 4);

        assertOnlyFormatErrors(file);
    }

    private static void assertOnlyFormatErrors(byte[] file) {
        Throwable t = catchThrowable(() -> ParquetReader.readRows(file));
        Statistics.collect(t == null ? "read" : "rejected");
        if (t != null) {
            assertThat(t).isInstanceOf(ParquetFormatException.class);
        }
    }

    /** Overwrites {@code count} bytes (single bytes, or short runs) in {@code [from, to)} with random values. */
    private static byte[] damage(byte[] file, int from, int to, int count, Random r) {
        byte[] bad = file.clone();
        if (to <= from) {
            return bad;
        }
        for (int i = 0; i < count; i++) {
            int at = from + r.nextInt(to - from);
            int run = r.nextInt(4) == 0 ? 1 + r.nextInt(8) : 1;
            for (int k = 0; k < run && at + k < to; k++) {
                bad[at + k] = r.nextInt(3) == 0 ? (byte) 0xff : (byte) r.nextInt(256);
            }
        }
        return bad;
    }
}
