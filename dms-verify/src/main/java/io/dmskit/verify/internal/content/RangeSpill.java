package io.dmskit.verify.internal.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One spill file per key range: the change records of a table's S3 objects, partitioned by the range their key falls
 * in, so that each range's final state can be resolved in memory on its own. A record is its commit-order sequence
 * number, its operation and its fields (key fields then value fields) in canonical text. Files live in a temporary
 * directory that {@link #close()} deletes. Not thread-safe.
 */
final class RangeSpill implements AutoCloseable {

    /** One spilled change record. */
    record Change(long sequence, char op, List<String> key, List<String> values) {
    }

    /** Receives the changes of a range in the order they were written. */
    @FunctionalInterface
    interface ChangeHandler {
        void change(long sequence, char op, String[] fields);
    }

    private static final int BUFFER = 8 * 1024;

    private final Path dir;
    private final int fields;
    private final Path[] files;
    private final DataOutputStream[] out;
    private final long[] records;
    private long bytes;

    /**
     * @param tempParent where the spill directory is created (null: the JVM's temporary directory)
     * @param ranges how many ranges
     * @param fields fields per record (key and value columns)
     */
    RangeSpill(Path tempParent, int ranges, int fields) {
        this.fields = fields;
        try {
            this.dir = tempParent == null ? Files.createTempDirectory("dmskit-s3-state-")
                    : Files.createTempDirectory(tempParent, "dmskit-s3-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill directory: " + e.getMessage(), e);
        }
        this.files = new Path[ranges];
        this.out = new DataOutputStream[ranges];
        this.records = new long[ranges];
    }

    /** Appends a change record to a range's file. */
    void write(int range, long sequence, char op, String[] values) {
        try {
            DataOutputStream o = out[range];
            if (o == null) {
                files[range] = dir.resolve("range-" + range + ".bin");
                o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(files[range]), BUFFER));
                out[range] = o;
            }
            o.writeLong(sequence);
            o.writeByte(op);
            for (String v : values) {
                if (v == null) {
                    o.writeInt(-1);
                    bytes += 4;
                } else {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    o.writeInt(b.length);
                    o.write(b);
                    bytes += 4 + b.length;
                }
            }
            bytes += 9;
            records[range]++;
        } catch (IOException e) {
            throw new UncheckedIOException("writing a spill file failed: " + e.getMessage(), e);
        }
    }

    /** Flushes and closes every writer; reading may begin. */
    void finishWriting() {
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null) {
                try {
                    out[i].close();
                } catch (IOException e) {
                    throw new UncheckedIOException("closing a spill file failed: " + e.getMessage(), e);
                }
                out[i] = null;
            }
        }
    }

    /** @return change records spilled into a range */
    long records(int range) {
        return records[range];
    }

    /** @return bytes spilled in all */
    long bytes() {
        return bytes;
    }

    /** Reads a range's records in the order they were written. */
    void read(int range, ChangeHandler handler) {
        if (files[range] == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(files[range]),
                64 * 1024))) {
            for (long r = 0; r < records[range]; r++) {
                long seq = in.readLong();
                char op = (char) in.readByte();
                String[] f = new String[fields];
                for (int i = 0; i < fields; i++) {
                    int n = in.readInt();
                    if (n >= 0) {
                        byte[] b = new byte[n];
                        in.readFully(b);
                        f[i] = new String(b, StandardCharsets.UTF_8);
                    }
                }
                handler.change(seq, op, f);
            }
        } catch (EOFException e) {
            throw new IllegalStateException("spill file of range " + range + " is shorter than written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a spill file failed: " + e.getMessage(), e);
        }
    }

    /** Closes the writers and deletes the spill directory. */
    @Override
    public void close() {
        for (DataOutputStream o : out) {
            if (o != null) {
                try {
                    o.close();
                } catch (IOException ignored) {
                    // deleted below anyway
                }
            }
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
