package com.pitchgate.extract;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link SharedByteArrayInputStream} whose reads take no lock. Jakarta Mail reads headers a byte at
 * a time, and {@code ByteArrayInputStream.read()} is synchronized: a lock taken and released for every
 * byte of every header block, a fortieth of the cost of screening a message (see docs/benchmarks.md).
 * One message is read by one thread, so nothing needs the lock; the reads are those of {@code
 * ByteArrayInputStream}, and the parts a message is cut into ({@link #newStream}) are read the same way.
 */
final class UnlockedByteArrayInputStream extends SharedByteArrayInputStream {

    UnlockedByteArrayInputStream(byte[] buf, int offset, int length) {
        super(buf, offset, length);
    }

    @Override
    public int read() {
        return pos < count ? buf[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (pos >= count) {
            return -1;
        }
        int n = Math.min(len, count - pos);
        if (n <= 0) {
            return 0;
        }
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** As {@link SharedByteArrayInputStream#newStream}, a stream of this kind. */
    @Override
    public InputStream newStream(long start, long end) {
        if (start < 0) {
            throw new IllegalArgumentException("start < 0");
        }
        long last = end == -1 ? count - this.start : end;
        return new UnlockedByteArrayInputStream(buf, this.start + (int) start, (int) (last - start));
    }
}
