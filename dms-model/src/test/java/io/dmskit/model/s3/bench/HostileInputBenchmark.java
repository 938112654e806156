package io.dmskit.model.s3.bench;

import io.dmskit.model.s3.CsvDialect;
import io.dmskit.model.s3.CsvLimits;
import io.dmskit.model.s3.CsvReader;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.model.s3.parquet.ParquetWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark harness (skipped unless {@code -Ddmskit.bench=true}): reads hostile inputs of growing size with the CSV
 * and Parquet readers and prints, per input class and size, the time per MB, the bytes allocated per input byte and
 * the peak heap, so "bounded time and memory" is measured rather than asserted by a timed test.
 *
 * <pre>
 * ./mvnw -B -o -q -pl dms-model test -Dtest=HostileInputBenchmark -Ddmskit.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * System property {@code bench.maxMiB} (default 64) sets the largest input.
 */
@EnabledIfSystemProperty(named = "dmskit.bench", matches = "true")
class HostileInputBenchmark {

    private static final int MIB = 1 << 20;

    @Test
    void hostileInputsOfGrowingSize() throws Exception {
        int maxMiB = Integer.getInteger("bench.maxMiB", 64);
        CsvReader csv = CsvDialect.of(",", "\n", true, "").reader();
        System.out.printf(Locale.ROOT, "%-44s %8s %10s %10s %12s %10s %s%n", "input", "MiB", "ms", "ms/MiB",
                "alloc/byte", "peak MiB", "outcome");
        for (int mib = 1; mib <= maxMiB; mib *= 4) {
            int n = mib * MIB;
            run("CSV valid rows, count", n, HostileInputBenchmark::validCsv, in -> csv.scan(in, 0, null));
            run("CSV valid rows, capture all fields", n, HostileInputBenchmark::validCsv,
                    in -> csv.scan(in, Integer.MAX_VALUE, (i, f) -> true));
            run("CSV unterminated quote, capture", n, size -> quoteOpen(size),
                    in -> csv.scan(in, 1, (i, f) -> true));
            run("CSV one line of N/1 empty columns, capture", n, size -> fill(size, (byte) ','),
                    in -> csv.scan(in, Integer.MAX_VALUE, (i, f) -> true));
            run("CSV one huge field, capture (limit 64 MiB)", n, size -> fill(size, (byte) 'x'),
                    in -> csv.scan(in, 1, (i, f) -> true));
            run("CSV random bytes, capture", n, HostileInputBenchmark::random,
                    in -> csv.scan(in, Integer.MAX_VALUE, (i, f) -> true));
            if (mib <= 16) { // the bomb inflates to 64 times the size: 1 GiB at most
                CsvReader bounded = csv.withLimits(CsvLimits.DEFAULT.withMaxDecompressedBytes(64L * n));
                run("CSV gzip bomb to 64x size (the limit), count", n, size -> bomb(64L * size + 1),
                        in -> bounded.scan(bounded.decompressed(in), 0, null));
            }
            run("Parquet valid file, readRows", n, HostileInputBenchmark::validParquet,
                    in -> ParquetReader.readRows(in.readAllBytes()));
            run("Parquet random footer in PAR1 envelope", n, HostileInputBenchmark::randomFooter,
                    in -> ParquetReader.readRows(in.readAllBytes()));
            run("Parquet footer of N/7 columns, readFooter", n, HostileInputBenchmark::wideFooter,
                    in -> ParquetReader.readFooter(in.readAllBytes()).leaves().size() + " columns");
            run("Parquet valid file, bytes flipped", n, size -> flipped(validParquet(size)),
                    in -> ParquetReader.readRows(in.readAllBytes()));
        }
    }

    @FunctionalInterface
    interface Read {
        Object read(InputStream in) throws Exception;
    }

    private static void run(String name, int size, IntFunction<byte[]> make, Read read) {
        byte[] input = make.apply(size);
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        long allocBefore = allocated();
        long t0 = System.nanoTime();
        String outcome;
        try {
            Object r = read.read(new ByteArrayInputStream(input));
            outcome = "read " + (r instanceof java.util.List<?> l ? l.size() + " rows" : r);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            outcome = e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage());
        }
        long ns = System.nanoTime() - t0;
        long alloc = allocated() - allocBefore;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        double mib = input.length / (double) MIB;
        System.out.printf(Locale.ROOT, "%-44s %8.2f %10.1f %10.2f %12.2f %10.1f %s%n", name, mib, ns / 1e6,
                ns / 1e6 / Math.max(mib, 1e-9), alloc / (double) input.length, peak / (double) MIB, outcome);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 90 ? s.substring(0, 90) + "..." : s;
    }

    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }

    private static byte[] validCsv(int size) {
        StringBuilder b = new StringBuilder(size + 100);
        int i = 0;
        while (b.length() < size) {
            b.append("I,").append(i).append(",\"Smith, Bob\",").append(i * 7).append(",2026-01-01 00:00:00\n");
            i++;
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] quoteOpen(int size) {
        byte[] b = fill(size, (byte) 'q');
        b[0] = '"';
        return b;
    }

    private static byte[] fill(int size, byte value) {
        byte[] b = new byte[size];
        Arrays.fill(b, value);
        return b;
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Gzip of {@code inflated} line feeds, written in slices so the plain text is never held. */
    private static byte[] bomb(long inflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] slice = fill(MIB, (byte) '\n');
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            for (long left = inflated; left > 0; left -= slice.length) {
                z.write(slice, 0, (int) Math.min(left, slice.length));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] validParquet(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
        Random r = new Random(size);
        ParquetWriter w = ParquetWriter.builder().compression(ParquetCompression.SNAPPY).rowGroupLength(10_000)
                .column(ParquetColumn.string("Op")).column(ParquetColumn.int64("id"))
                .column(ParquetColumn.string("name")).open(out);
        long i = 0;
        while (w.estimatedSize() < size) {
            w.write("I", i++, Long.toHexString(r.nextLong()) + Long.toHexString(r.nextLong()));
        }
        w.close();
        return out.toByteArray();
    }

    private static byte[] randomFooter(int size) {
        byte[] footer = random(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 12);
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(footer);
        out.write(size);
        out.write(size >>> 8);
        out.write(size >>> 16);
        out.write(size >>> 24);
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A footer whose schema has one INT32 leaf per 7 bytes: millions of columns for a few MiB. */
    private static byte[] wideFooter(int size) {
        int columns = Math.max(1, size / 7);
        ByteArrayOutputStream f = new ByteArrayOutputStream(size + 64);
        f.write(0x29); // field 2: schema, a list
        f.write(0xFC); // long-form size, STRUCT elements
        varint(f, columns + 1L);
        f.writeBytes(new byte[] {0x48, 0x01, 'r', 0x15}); // root: name "r", num_children
        varint(f, 2L * columns); // zigzag
        f.write(0);
        for (int i = 0; i < columns; i++) {
            f.writeBytes(new byte[] {0x15, 0x02, 0x38, 0x02, 'c', 'x', 0x00}); // type INT32, name "cx"
        }
        f.writeBytes(new byte[] {0x16, 0x00, 0x00}); // num_rows 0, stop
        return randomFooterOf(f.toByteArray());
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] randomFooterOf(byte[] footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length + 12);
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(footer);
        int size = footer.length;
        out.write(size);
        out.write(size >>> 8);
        out.write(size >>> 16);
        out.write(size >>> 24);
        out.writeBytes("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] flipped(byte[] file) {
        Random r = new Random(file.length);
        for (int i = 0; i < 8; i++) {
            int at = 4 + r.nextInt(file.length - 12);
            file[at] ^= (byte) (1 << r.nextInt(8));
        }
        return file;
    }
}
