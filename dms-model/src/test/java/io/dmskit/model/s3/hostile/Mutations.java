package io.dmskit.model.s3.hostile;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Mutations of real and generated DMS output for the hostile-input properties and the benchmark: flipped and
 * overwritten bytes, truncation, duplicated and deleted runs, inserted quotes, delimiters, invalid UTF-8, enormous
 * runs; plus the allocation meter that checks memory stays bounded.
 */
public final class Mutations {

    private Mutations() {
    }

    /** The shared corpus of real DMS S3 output (third-party files, read in place, never copied into the repo). */
    public static List<byte[]> corpus() {
        Path dir = Path.of(Files.isDirectory(Path.of("../../shared/corpus/dms-s3-output"))
                ? "../../shared/corpus/dms-s3-output" : "/work/shared/corpus/dms-s3-output");
        List<byte[]> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static final byte[][] INSERTS = {
        {'"'}, {'"', '"'}, {','}, {'\n'}, {'\r', '\n'}, {(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xed, (byte) 0xa0,
            (byte) 0x80}, {0}, {(byte) 0x1f, (byte) 0x8b}, "NULL".getBytes(StandardCharsets.US_ASCII),
        "PAR1".getBytes(StandardCharsets.US_ASCII)};

    /**
     * Applies 1 to {@code maxEdits} random mutations.
     *
     * @param input the original
     * @param random the choices
     * @param maxEdits most mutations
     * @param maxGrowth most bytes one mutation may add
     * @return the mutated copy
     */
    public static byte[] mutate(byte[] input, Random random, int maxEdits, int maxGrowth) {
        byte[] b = input.clone();
        int edits = 1 + random.nextInt(maxEdits);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (random.nextInt(9)) {
                case 0 -> { // flip a bit
                    if (b.length > 0) {
                        b[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> { // overwrite a run
                    for (int k = 0, n = 1 + random.nextInt(8); k < n && at + k < b.length; k++) {
                        b[at + k] = random.nextInt(3) == 0 ? (byte) 0xff : (byte) random.nextInt(256);
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, at); // truncate
                case 3 -> b = splice(b, at, INSERTS[random.nextInt(INSERTS.length)], 0);
                case 4 -> { // duplicate a run
                    int len = Math.min(b.length - at, 1 + random.nextInt(64));
                    b = splice(b, at, java.util.Arrays.copyOfRange(b, at, at + len), 0);
                }
                case 5 -> b = splice(b, at, new byte[0], Math.min(b.length - at, 1 + random.nextInt(32))); // delete
                case 6 -> { // an enormous run of one byte (a huge field, line or column count)
                    byte[] run = new byte[1 + random.nextInt(Math.max(1, maxGrowth))];
                    java.util.Arrays.fill(run, INSERTS[random.nextInt(3)][0]);
                    if (random.nextBoolean()) {
                        java.util.Arrays.fill(run, (byte) 'x');
                    }
                    b = splice(b, at, run, 0);
                }
                case 7 -> { // set a little-endian int to an extreme (lengths, sizes, counts)
                    int v = new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 30, 0}[random.nextInt(5)];
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (8 * k));
                    }
                }
                default -> { // varint of a huge value (Thrift lengths and list sizes)
                    byte[] varint = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
                    for (int k = 0; k < varint.length && at + k < b.length; k++) {
                        b[at + k] = varint[k];
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert, int delete) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.write(insert, 0, insert.length);
        out.write(b, at + delete, b.length - at - delete);
        return out.toByteArray();
    }

    /** @return the bytes allocated so far by the current thread (HotSpot), or -1 where not measurable */
    public static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    /**
     * @param input bytes to compress
     * @return their gzip
     */
    public static byte[] gzip(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(input);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return a seeded random for a property try */
    public static Random random(long seed) {
        return new Random(seed);
    }
}
