package io.dmskit.verify.internal.content;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The change records of a table's S3 objects, partitioned by the key range their key falls in, so that each range's
 * final state can be resolved in memory on its own. A record is its operation, the row hash of its fields (computed
 * once when it is written) and its fields (key fields then value fields) in canonical text; a range's records are
 * read back in the order they were written, which is commit order. Records are encoded into a buffer per range; while all
 * buffers together stay within the memory budget nothing touches the disk, and beyond it the largest buffer is
 * appended to its range's file in a temporary directory that {@link #close()} deletes. Memory is therefore bounded by
 * the budget (plus one range when it is read back), whatever the table's size. Not thread-safe.
 */
final class RangeSpill implements AutoCloseable {

    /** Receives the changes of a range in the order they were written. */
    @FunctionalInterface
    interface ChangeHandler {
        /**
         * @param op {@code I}, {@code U} or {@code D}
         * @param hash the row hash of the fields ({@link RangeDigest#rowHash(CanonicalRow)})
         * @param fields key fields then value fields
         */
        void change(char op, long hash, String[] fields);
    }

    /** Default memory budget for buffered records (the buffers' capacity). */
    static final long DEFAULT_BUDGET = 64L << 20;

    private final Path tempParent;
    private final long budget;
    private final int fields;
    private final byte[][] buffers;
    private final int[] lengths;
    private final Path[] files;
    private final long[] records;
    private Path dir;
    private long buffered;
    private long bytes;
    private long spilledToDisk;

    /**
     * @param tempParent where the spill directory is created when needed (null: the JVM's temporary directory)
     * @param ranges how many ranges
     * @param fields fields per record (key and value columns)
     * @param budget bytes of records held in memory before the largest range's buffer goes to disk
     */
    RangeSpill(Path tempParent, int ranges, int fields, long budget) {
        this.tempParent = tempParent;
        this.fields = fields;
        this.budget = budget;
        this.buffers = new byte[ranges][];
        this.lengths = new int[ranges];
        this.files = new Path[ranges];
        this.records = new long[ranges];
    }

    /**
     * Appends a change record to a range; computes the row hash of its fields once, here, so that summarising a
     * range later reads only keys and hashes.
     */
    void write(int range, char op, String[] values, RowHasher hasher) {
        int need = 9;
        byte[][] encoded = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                encoded[i] = values[i].getBytes(StandardCharsets.UTF_8);
                need += 4 + encoded[i].length;
            } else {
                need += 4;
            }
        }
        long hash = hasher.hash(encoded);
        byte[] b = ensure(range, need);
        int p = lengths[range];
        b[p++] = (byte) op;
        p = putLong(b, p, hash);
        for (byte[] e : encoded) {
            if (e == null) {
                p = putInt(b, p, -1);
            } else {
                p = putInt(b, p, e.length);
                System.arraycopy(e, 0, b, p, e.length);
                p += e.length;
            }
        }
        lengths[range] = p;
        bytes += need;
        records[range]++;
        if (buffered > budget) {
            spillLargest();
        }
    }

    private byte[] ensure(int range, int need) {
        byte[] b = buffers[range];
        int len = lengths[range];
        if (b == null || b.length - len < need) {
            int size = Math.max(need + len, Math.max(1024, b == null ? 0 : b.length * 2));
            byte[] n = new byte[size];
            if (b != null) {
                System.arraycopy(b, 0, n, 0, len);
            }
            buffered += size - (b == null ? 0 : b.length); // the budget counts what the buffers occupy
            buffers[range] = n;
            b = n;
        }
        return b;
    }

    private void spillLargest() {
        int largest = 0;
        for (int i = 1; i < lengths.length; i++) {
            if (lengths[i] > lengths[largest]) {
                largest = i;
            }
        }
        try {
            if (dir == null) {
                dir = tempParent == null ? Files.createTempDirectory("dmskit-s3-state-")
                        : Files.createTempDirectory(tempParent, "dmskit-s3-state-");
            }
            if (files[largest] == null) {
                files[largest] = dir.resolve("range-" + largest + ".bin");
            }
            try (OutputStream out = Files.newOutputStream(files[largest], StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(buffers[largest], 0, lengths[largest]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a spill file failed: " + e.getMessage(), e);
        }
        buffered -= buffers[largest].length;
        spilledToDisk += lengths[largest];
        lengths[largest] = 0;
        buffers[largest] = null;
    }

    /** @return change records written to a range */
    long records(int range) {
        return records[range];
    }

    /** @return bytes of records written in all */
    long bytes() {
        return bytes;
    }

    /** @return bytes that went to disk */
    long spilledToDisk() {
        return spilledToDisk;
    }

    /** Reads a range's records in the order they were written: its file first, then its buffer. */
    void read(int range, ChangeHandler handler) {
        read(range, fields, handler);
    }

    /**
     * Like {@link #read(int, ChangeHandler)} decoding only the first {@code decoded} fields of each record (the key
     * fields: what a range's digest needs besides the stored hash); the others are skipped and passed as null.
     */
    void read(int range, int decoded, ChangeHandler handler) {
        try {
            if (files[range] != null) {
                byte[] disk = Files.readAllBytes(files[range]);
                decode(disk, disk.length, decoded, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a spill file failed: " + e.getMessage(), e);
        }
        if (buffers[range] != null) {
            decode(buffers[range], lengths[range], decoded, handler);
        }
    }

    private void decode(byte[] b, int length, int decoded, ChangeHandler handler) {
        int p = 0;
        while (p < length) {
            char op = (char) b[p++];
            long hash = getLong(b, p);
            p += 8;
            String[] f = new String[decoded];
            for (int i = 0; i < fields; i++) {
                int n = getInt(b, p);
                p += 4;
                if (n >= 0) {
                    if (i < decoded) {
                        f[i] = new String(b, p, n, StandardCharsets.UTF_8);
                    }
                    p += n;
                }
            }
            handler.change(op, hash, f);
        }
    }

    private static int putInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    private static int putLong(byte[] b, int p, long v) {
        putInt(b, p, (int) (v >>> 32));
        return putInt(b, p + 4, (int) v);
    }

    private static int getInt(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static long getLong(byte[] b, int p) {
        return (long) getInt(b, p) << 32 | (getInt(b, p + 4) & 0xFFFFFFFFL);
    }

    /** Drops the buffers and deletes the spill directory. */
    @Override
    public void close() {
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = null;
            lengths[i] = 0;
        }
        if (dir == null) {
            return;
        }
        List<Path> all = new ArrayList<>();
        for (Path p : files) {
            if (p != null) {
                all.add(p);
            }
        }
        all.add(dir);
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a temporary directory
            }
        }
    }
}
