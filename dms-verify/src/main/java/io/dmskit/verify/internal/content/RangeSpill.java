package io.dmskit.verify.internal.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The change records of a table's S3 objects, partitioned by the key range their key falls in, so that each range's
 * final state can be resolved in memory on its own. A record is its length, its operation, the row hash of its fields
 * (computed once when it is written) and its fields (key fields then value fields) in canonical text; a range's
 * records are read back in the order they were written, which is commit order.
 *
 * <p>Records are appended to fixed-size blocks per range (a record never straddles two blocks; one larger than a
 * block gets a block of its own). While all blocks together stay within the memory budget nothing touches the disk;
 * beyond it the range holding the most blocks is appended to its file in a temporary directory that
 * {@link #close()} deletes, and its blocks are dropped. Blocks are small (at most 64 KB, smaller when there are many
 * ranges), so memory is the budget plus one block, whatever the table's size, and no array ever grows by copying;
 * reading a range back streams its file through one 64 KB buffer. Not thread-safe for writing; ranges may be read concurrently once writing
 * is done.
 */
final class RangeSpill implements AutoCloseable {

    /** Receives the changes of a range in the order they were written. */
    @FunctionalInterface
    interface ChangeHandler {
        /**
         * @param op {@code I}, {@code U} or {@code D}
         * @param hash the row hash of the fields ({@link RangeDigest#rowHash(CanonicalRow)})
         * @param fields key fields then value fields (only the decoded ones; see {@link #read(int, int,
         *     ChangeHandler)})
         */
        void change(char op, long hash, String[] fields);
    }

    /** Default memory budget for buffered records (the blocks' size). */
    static final long DEFAULT_BUDGET = 16L << 20;

    private static final int MAX_BLOCK = 64 << 10;
    private static final int MIN_BLOCK = 4 << 10;

    private final Path tempParent;
    private final long budget;
    private final int fields;
    private final int blockSize;
    private final List<List<byte[]>> blocks;
    /** Used bytes of each range's last block. */
    private final int[] used;
    private final int[] blockCounts;
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
     * @param budget bytes of blocks held in memory before the range with the most blocks goes to disk
     */
    RangeSpill(Path tempParent, int ranges, int fields, long budget) {
        this.tempParent = tempParent;
        this.fields = fields;
        this.budget = budget;
        this.blockSize = (int) Math.max(MIN_BLOCK, Math.min(MAX_BLOCK, budget / Math.max(1, ranges) / 4));
        this.blocks = new ArrayList<>(ranges);
        for (int i = 0; i < ranges; i++) {
            blocks.add(null);
        }
        this.used = new int[ranges];
        this.blockCounts = new int[ranges];
        this.files = new Path[ranges];
        this.records = new long[ranges];
    }

    /**
     * Appends a change record to a range; computes the row hash of its fields once, here, so that summarising a
     * range later reads only keys and hashes.
     */
    void write(int range, char op, String[] values, RowHasher hasher) {
        int need = 13;
        byte[][] encoded = null; // only the fields that are not ASCII, which are copied char by char
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                need += 4;
            } else if (ascii(v)) {
                need += 4 + v.length();
            } else {
                if (encoded == null) {
                    encoded = new byte[values.length][];
                }
                encoded[i] = v.getBytes(StandardCharsets.UTF_8);
                need += 4 + encoded[i].length;
            }
        }
        long hash = hasher.hash(values);
        byte[] b = room(range, need);
        int p = used[range];
        p = putInt(b, p, need);
        b[p++] = (byte) op;
        p = putLong(b, p, hash);
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            byte[] e = encoded == null ? null : encoded[i];
            if (v == null) {
                p = putInt(b, p, -1);
            } else if (e == null) {
                int n = v.length();
                p = putInt(b, p, n);
                for (int j = 0; j < n; j++) {
                    b[p++] = (byte) v.charAt(j);
                }
            } else {
                p = putInt(b, p, e.length);
                System.arraycopy(e, 0, b, p, e.length);
                p += e.length;
            }
        }
        used[range] = p;
        bytes += need;
        records[range]++;
        if (buffered > budget) {
            spillLargest();
        }
    }

    /** Whether every char of the string is ASCII, so that its UTF-8 bytes are its chars. */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** @return the block to append {@code need} bytes to (the range's last one, or a new one) */
    private byte[] room(int range, int need) {
        List<byte[]> list = blocks.get(range);
        if (list != null && !list.isEmpty()) {
            byte[] last = list.get(list.size() - 1);
            if (last.length - used[range] >= need) {
                return last;
            }
        }
        if (list == null) {
            list = new ArrayList<>();
            blocks.set(range, list);
        }
        byte[] n = new byte[Math.max(blockSize, need)];
        list.add(n);
        blockCounts[range]++;
        buffered += n.length;
        used[range] = 0;
        return n;
    }

    private void spillLargest() {
        int largest = 0;
        for (int i = 1; i < blockCounts.length; i++) {
            if (blockCounts[i] > blockCounts[largest]) {
                largest = i;
            }
        }
        List<byte[]> list = blocks.get(largest);
        if (list == null || list.isEmpty()) {
            return;
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
                for (int i = 0; i < list.size(); i++) {
                    int n = length(largest, i);
                    out.write(list.get(i), 0, n);
                    spilledToDisk += n;
                    buffered -= list.get(i).length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a spill file failed: " + e.getMessage(), e);
        }
        blocks.set(largest, null);
        blockCounts[largest] = 0;
        used[largest] = 0;
    }

    /** @return used bytes of block i of a range: the last one's are counted, the others' found by their records */
    private int length(int range, int i) {
        List<byte[]> list = blocks.get(range);
        if (i == list.size() - 1) {
            return used[range];
        }
        byte[] b = list.get(i);
        int p = 0;
        while (b.length - p >= 4) {
            int size = getInt(b, p);
            if (size == 0) {
                break; // the unused, zeroed rest of the block
            }
            p += size;
        }
        return p;
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

    /** Reads a range's records in the order they were written: its file first, then its blocks. */
    void read(int range, ChangeHandler handler) {
        read(range, fields, handler);
    }

    /**
     * Like {@link #read(int, ChangeHandler)} decoding only the first {@code decoded} fields of each record (the key
     * fields: what a range's digest needs besides the stored hash); the others are skipped.
     */
    void read(int range, int decoded, ChangeHandler handler) {
        if (files[range] != null) {
            try (InputStream in = Files.newInputStream(files[range])) {
                byte[] buf = new byte[MAX_BLOCK];
                int have = 0;
                while (true) {
                    int n = in.read(buf, have, buf.length - have);
                    if (n < 0) {
                        break;
                    }
                    have += n;
                    int done = decode(buf, have, decoded, handler);
                    System.arraycopy(buf, done, buf, 0, have - done);
                    have -= done;
                    if (have >= 4 && getInt(buf, 0) > buf.length) {
                        buf = Arrays.copyOf(buf, getInt(buf, 0));
                    }
                }
                if (have != 0) {
                    throw new IllegalStateException("spill file of range " + range + " ends inside a record");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading a spill file failed: " + e.getMessage(), e);
            }
        }
        List<byte[]> list = blocks.get(range);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                decode(list.get(i), length(range, i), decoded, handler);
            }
        }
    }

    /** Decodes the whole records in {@code b[0, length)}; @return the bytes they took */
    private int decode(byte[] b, int length, int decoded, ChangeHandler handler) {
        int p = 0;
        while (length - p >= 4) {
            int size = getInt(b, p);
            if (length - p < size) {
                break;
            }
            int q = p + 4;
            char op = (char) b[q++];
            long hash = getLong(b, q);
            q += 8;
            String[] f = new String[decoded];
            for (int i = 0; i < decoded && i < fields; i++) {
                int n = getInt(b, q);
                q += 4;
                if (n >= 0) {
                    f[i] = new String(b, q, n, StandardCharsets.UTF_8);
                    q += n;
                }
            }
            p += size;
            handler.change(op, hash, f);
        }
        return p;
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

    /** Drops the blocks and deletes the spill directory. */
    @Override
    public void close() {
        for (int i = 0; i < blocks.size(); i++) {
            blocks.set(i, null);
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
