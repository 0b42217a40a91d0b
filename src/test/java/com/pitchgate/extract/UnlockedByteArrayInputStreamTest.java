package com.pitchgate.extract;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnlockedByteArrayInputStreamTest {

    /** Byte reads, block reads and skips of every size, and the parts cut out of it, read as the locked stream reads. */
    @Test
    void readsWhatTheSharedStreamReads() throws IOException {
        Random random = new Random(20261202);
        for (int round = 0; round < 2_000; round++) {
            byte[] raw = new byte[random.nextInt(300)];
            random.nextBytes(raw);
            int offset = random.nextInt(raw.length + 1);
            int length = random.nextInt(raw.length - offset + 1);
            SharedByteArrayInputStream expected = new SharedByteArrayInputStream(raw, offset, length);
            SharedByteArrayInputStream actual = new UnlockedByteArrayInputStream(raw, offset, length);
            if (random.nextBoolean() && length > 0) {
                long from = random.nextInt(length);
                long to = random.nextBoolean() ? -1 : from + random.nextInt((int) (length - from) + 1);
                InputStream part = actual.newStream(from, to);
                assertThat(part).isInstanceOf(UnlockedByteArrayInputStream.class);
                sameReads(expected.newStream(from, to), part, random);
            } else {
                sameReads(expected, actual, random);
                assertThat(actual.getPosition()).isEqualTo(expected.getPosition());
            }
        }
    }

    private static void sameReads(InputStream expected, InputStream actual, Random random) throws IOException {
        while (true) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    int b = expected.read();
                    assertThat(actual.read()).isEqualTo(b);
                    if (b < 0) {
                        return;
                    }
                }
                case 1 -> {
                    int size = random.nextInt(40);
                    int off = random.nextInt(5);
                    byte[] e = new byte[size + off + random.nextInt(3)];
                    byte[] a = new byte[e.length];
                    int n = expected.read(e, off, size);
                    assertThat(actual.read(a, off, size)).isEqualTo(n);
                    assertThat(a).isEqualTo(e);
                    if (n < 0) {
                        return;
                    }
                }
                default -> {
                    long skip = random.nextInt(10);
                    assertThat(actual.skip(skip)).isEqualTo(expected.skip(skip));
                }
            }
            assertThat(actual.available()).isEqualTo(expected.available());
        }
    }
}
