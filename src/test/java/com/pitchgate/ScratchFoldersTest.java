package com.pitchgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rehearsal's scratch folders, in a temporary folder of the test's own. */
class ScratchFoldersTest {

    private static final Instant HOURS_AGO = Instant.now().minus(Duration.ofHours(3));

    private Path parent;
    private Path own;

    @BeforeEach
    void ownFolder() throws IOException {
        parent = Files.createTempDirectory("pitchgate-scratch-test");
        own = Files.createDirectory(parent.resolve(ScratchFolders.PREFIX + "-own"));
    }

    @AfterEach
    void removeParent() {
        ScratchFolders.delete(parent);
    }

    @Test
    void removesAFolderLeftByAServerThatDiedWhileRehearsing() throws IOException {
        Path left = folder("-left", true);
        Path older = folder("-older", false);

        ScratchFolders.removeAbandoned(own);

        assertThat(left).doesNotExist();
        assertThat(older).as("made before its servers locked their folders").doesNotExist();
        assertThat(own).exists();
    }

    @Test
    void keepsAFolderThisProcessRehearsesIn() throws IOException {
        Path rehearsing = folder("-rehearsing", true);
        try (ScratchFolders.InUse inUse = ScratchFolders.inUse(rehearsing)) {
            Files.setLastModifiedTime(rehearsing, FileTime.from(HOURS_AGO));

            ScratchFolders.removeAbandoned(own);

            assertThat(rehearsing.resolve("rehearsal.db")).exists();
        }
    }

    @Test
    void keepsAFolderAnotherProcessRehearsesIn() throws Exception {
        Path rehearsing = folder("-elsewhere", true);
        Process other = holdLockInAnotherJvm(rehearsing);
        try {
            ScratchFolders.removeAbandoned(own);

            assertThat(rehearsing.resolve("rehearsal.db")).exists();
        } finally {
            other.destroy();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        ScratchFolders.removeAbandoned(own);
        assertThat(rehearsing).as("once that process has ended").doesNotExist();
    }

    @Test
    void keepsAFolderJustMadeWhoseServerHasNotLockedItYet() throws IOException {
        Path fresh = Files.createDirectory(parent.resolve(ScratchFolders.PREFIX + "-fresh"));

        ScratchFolders.removeAbandoned(own);

        assertThat(fresh).exists();
    }

    @Test
    void goesOnPastAFolderItCannotRead() throws IOException {
        // Left folders made before and after it, since the order a folder is listed in is the file system's.
        List<Path> left = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            left.add(folder("-left-before-" + i, true));
        }
        // Its lock cannot be opened (a folder in its place), as another user's could not.
        Path unreadable = Files.createDirectory(parent.resolve(ScratchFolders.PREFIX + "-unreadable"));
        Files.createDirectory(unreadable.resolve(ScratchFolders.LOCK_FILE));
        Files.setLastModifiedTime(unreadable, FileTime.from(HOURS_AGO));
        for (int i = 0; i < 4; i++) {
            left.add(folder("-left-after-" + i, true));
        }

        ScratchFolders.removeAbandoned(own);

        assertThat(unreadable).exists();
        assertThat(left).allSatisfy(folder -> assertThat(folder).doesNotExist());
    }

    @Test
    void aFolderThatCannotBeLockedIsUsedUnmarked() throws IOException {
        Path unlockable = Files.createDirectory(parent.resolve(ScratchFolders.PREFIX + "-unlockable"));
        Files.createDirectory(unlockable.resolve(ScratchFolders.LOCK_FILE));

        try (ScratchFolders.InUse inUse = ScratchFolders.inUse(unlockable)) {
            assertThat(inUse.held()).isFalse();
        }
        try (ScratchFolders.InUse inUse = ScratchFolders.inUse(own)) {
            assertThat(inUse.held()).isTrue();
        }
    }

    @Test
    void leavesOtherFoldersAlone() throws IOException {
        Path other = Files.createDirectory(parent.resolve("pitchgate-test-other"));
        Files.setLastModifiedTime(other, FileTime.from(HOURS_AGO));

        ScratchFolders.removeAbandoned(own);

        assertThat(other).exists();
    }

    /** A scratch folder with a store in it, last changed hours ago. */
    private Path folder(String suffix, boolean withLockFile) throws IOException {
        Path folder = Files.createDirectory(parent.resolve(ScratchFolders.PREFIX + suffix));
        Files.writeString(folder.resolve("rehearsal.db"), "a store");
        if (withLockFile) {
            Files.createFile(folder.resolve(ScratchFolders.LOCK_FILE));
        }
        Files.setLastModifiedTime(folder, FileTime.from(HOURS_AGO));
        return folder;
    }

    /** Another JVM holding the folder's lock, as a server rehearsing beside this one would; returns once it holds it. */
    private static Process holdLockInAnotherJvm(Path folder) throws Exception {
        Path source = Files.createTempFile("HoldLock", ".java");
        source.toFile().deleteOnExit();
        Files.writeString(source, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        System.out.flush();
                        Thread.sleep(120_000);
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), source.toString(), folder.resolve(ScratchFolders.LOCK_FILE).toString())
                .redirectErrorStream(true).start();
        String line = new String(process.getInputStream().readNBytes("locked".length()), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("locked");
        return process;
    }
}
