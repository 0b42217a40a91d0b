package com.pitchgate.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars for tests from the sources under {@code src/test/plugin-fixtures}, compiled
 * against the policy-api jar alone: a fixture that used anything else of the server would not build.
 */
final class PluginFixtures {

    private static final Path SOURCES = Path.of("src/test/plugin-fixtures");

    private PluginFixtures() {
    }

    static Path policyApiJar() {
        return Path.of(System.getProperty("pitchgate.policyApiJar"));
    }

    /** Compiles fixture {@code name} and writes it as a plugin jar. */
    static Path build(String name, String serviceClass, Path jar, List<Path> libraries) throws IOException {
        Path classes = Files.createTempDirectory("fixture-" + name);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath",
                classpath(libraries)));
        try (Stream<Path> files = Files.walk(SOURCES.resolve(name))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("fixture " + name + " did not compile against the policy API alone");
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/com.pitchgate.spi.Policy"));
            out.write((serviceClass + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static String classpath(List<Path> libraries) {
        List<String> entries = new ArrayList<>(List.of(policyApiJar().toString()));
        libraries.forEach(l -> entries.add(l.toString()));
        return String.join(java.io.File.pathSeparator, entries);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
