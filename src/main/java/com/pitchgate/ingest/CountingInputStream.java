package com.pitchgate.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * A stream that tells, after each read, how many bytes have been read from it in all: the listener
 * may throw to stop the reading (a size limit, a memory budget).
 */
public final class CountingInputStream extends FilterInputStream {

    private final LongConsumer afterRead;
    private long read;

    public CountingInputStream(InputStream in, LongConsumer afterRead) {
        super(in);
        this.afterRead = afterRead;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        read += n;
        afterRead.accept(read);
    }
}
