package com.pitchgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Rehearsal}'s scratch folders, in the temporary folder. A server killed while it rehearses
 * (an out-of-memory exit, a plugin ending the JVM, a restart loop) leaves its folder and a store of up
 * to a thousand pitches in it; the next rehearsal of any server on the machine removes such folders.
 *
 * <p>A folder in use is marked by a lock on a file in it, held by its server while it rehearses: the
 * operating system drops the lock when the process dies. A folder is abandoned when nobody holds its
 * lock and it has not changed for {@link #GRACE}: a younger one may be one whose server has just
 * made it and is about to take the lock.
 */
final class ScratchFolders {

    static final String PREFIX = "pitchgate-rehearsal";
    static final String LOCK_FILE = "in-use.lock";
    static final Duration GRACE = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(ScratchFolders.class);

    private ScratchFolders() {
    }

    /** The lock that marks a folder in use, until closed; none where the file system takes no locks. */
    static final class InUse implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;

        private InUse(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        boolean held() {
            return lock != null;
        }

        @Override
        public void close() throws IOException {
            if (lock == null) {
                return;
            }
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Marks {@code folder} in use by this process until the returned lock is closed. Where that cannot
     * be done (a file system without locks), the folder is not marked, and the rehearsal goes on: its
     * folder is still young while it rehearses, and is deleted after.
     */
    static InUse inUse(Path folder) {
        try {
            FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new InUse(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            LOG.debug("rehearsal: {} could not be locked; it is used unmarked", folder, e);
            return new InUse(null, null);
        }
    }

    /**
     * Removes the scratch folders beside {@code own} that no process uses any more. One that cannot be
     * read or removed (another user's, in a shared temporary folder) is left as it is.
     */
    static void removeAbandoned(Path own) {
        Instant changedBefore = Instant.now().minus(GRACE);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(own.getParent(), PREFIX + "*")) {
            for (Path folder : folders) {
                if (!folder.equals(own) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    removeIfAbandoned(folder, changedBefore);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("rehearsal: could not list the temporary folder for scratch folders left by earlier starts", e);
        }
    }

    private static void removeIfAbandoned(Path folder, Instant changedBefore) {
        try {
            if (abandoned(folder, changedBefore)) {
                delete(folder);
                LOG.info("rehearsal: removed {}, left by a server stopped while it rehearsed", folder);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("rehearsal: left {} as it is", folder, e);
        }
    }

    private static boolean abandoned(Path folder, Instant changedBefore) throws IOException {
        try {
            if (Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(changedBefore)) {
                return false;
            }
            Path lockFile = folder.resolve(LOCK_FILE);
            if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    return false; // held by another process
                }
                lock.release();
                return true;
            } catch (OverlappingFileLockException e) {
                return false; // held by this process
            }
        } catch (NoSuchFileException e) {
            return false; // removed meanwhile
        }
    }

    /** Deletes a folder and all in it. */
    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the rehearsal's scratch folder " + folder, e);
        }
    }
}
