package com.pitchgate.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way plugins/README.md tells a plugin author to work, run as they would: the policy API
 * installed once with scripts/install-policy-api.sh, then a plugin built with {@code mvn package}
 * in a folder of its own. Neither step touches Pitchgate's target/, where a server may be running
 * from the jar.
 */
class PolicyApiInstallIT {

    private static final Path SERVER_JAR = Path.of(System.getProperty("pitchgate.jar"));
    private static final Path BUILD_FOLDER = SERVER_JAR.getParent();

    @TempDir
    Path folder;

    @Test
    void aPluginIsBuiltInItsOwnFolderAgainstTheInstalledApiAndTheServerJarIsLeftAlone() throws Exception {
        assumeTrue(onPath("mvn"), "no mvn on the PATH");
        String jarBefore = sha256(SERVER_JAR);
        FileTime modifiedBefore = Files.getLastModifiedTime(SERVER_JAR);
        List<String> buildFolderBefore = listing(BUILD_FOLDER);

        Result install = run(Path.of("."), withMavenOptions("bash", "scripts/install-policy-api.sh"));
        assertThat(install.status()).as(install.output()).isZero();
        assertThat(install.output()).contains("installed com.pitchgate:pitchgate:").contains(":policy-api");

        Path plugin = folder.resolve("my-policy");
        copy(Path.of("plugins", "calendar-link-policy"), plugin);
        Result build = run(plugin, withMavenOptions("mvn", "-B", "-q", "package"));
        assertThat(build.status()).as(build.output()).isZero();
        Path pluginJar = plugin.resolve("target").resolve("calendar-link-policy-1.0.0.jar");
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertThat(jar.getEntry("META-INF/services/com.pitchgate.spi.Policy")).isNotNull();
            assertThat(jar.getEntry("com/example/pitchgate/calendarlink/CalendarLinkPolicy.class")).isNotNull();
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("com/pitchgate/")))
                    .as("the API is the server's, not packaged with the plugin").isEmpty();
        }

        assertThat(sha256(SERVER_JAR)).as("the server jar's content").isEqualTo(jarBefore);
        assertThat(Files.getLastModifiedTime(SERVER_JAR)).as("the server jar's time").isEqualTo(modifiedBefore);
        assertThat(listing(BUILD_FOLDER)).as("what target/ holds").isEqualTo(buildFolderBefore);
    }

    /** The command, with the local repository and offline mode of the build running this test. */
    private static List<String> withMavenOptions(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        String repository = System.getProperty("pitchgate.mavenLocalRepository", "");
        if (!repository.isBlank() && !repository.startsWith("${")) {
            all.add("-Dmaven.repo.local=" + repository);
        }
        if ("offline:true".equals(System.getProperty("pitchgate.mavenMode"))) {
            all.add("-o");
        }
        return all;
    }

    private record Result(int status, String output) {
    }

    private Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(folder, "command", ".txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 5 minutes:\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), command + "\n" + Files.readString(output));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.startsWith(from.resolve("target"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
