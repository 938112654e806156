package io.dmskit.verify.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Adds the bytes read through it to a counter. */
final class CountingInputStream extends FilterInputStream {

    private final AtomicLong counter;

    /**
     * @param in the stream
     * @param counter receives the number of bytes read
     */
    public CountingInputStream(InputStream in, AtomicLong counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counter.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counter.addAndGet(n);
        }
        return n;
    }
}
