package com.pitchgate.plugin;

import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every policy the server can run, found with {@link ServiceLoader}: the built-ins on the server's
 * class path, and the plugins in the plugins folder. Each {@code .jar} directly in the folder is one
 * plugin; each sub-folder is one plugin whose jars (the policy and the libraries it needs) share a
 * class loader. Each plugin has its own class loader, whose parent sees only the policy API.
 */
public final class PolicyCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyCatalog.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Map<String, PolicyType> types = new LinkedHashMap<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    private PolicyCatalog() {
    }

    /** The built-ins, and the plugins in {@code pluginFolder} when it exists. */
    public static PolicyCatalog discover(Optional<Path> pluginFolder) {
        PolicyCatalog catalog = new PolicyCatalog();
        ClassLoader server = PolicyCatalog.class.getClassLoader();
        catalog.addAll(ServiceLoader.load(Policy.class, server), PolicyType.BUILT_IN);
        if (pluginFolder.isPresent() && Files.isDirectory(pluginFolder.get())) {
            ApiOnlyClassLoader api = new ApiOnlyClassLoader(server);
            for (Path plugin : plugins(pluginFolder.get())) {
                URLClassLoader loader = new URLClassLoader("plugin:" + plugin.getFileName(), jars(plugin), api);
                catalog.loaders.add(loader);
                int before = catalog.types.size();
                catalog.addAll(ServiceLoader.load(Policy.class, loader), plugin.getFileName().toString());
                if (catalog.types.size() == before) {
                    LOG.warn("plugin {} declares no policy in META-INF/services/{}", plugin, Policy.class.getName());
                }
            }
        }
        return catalog;
    }

    public Optional<PolicyType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<PolicyType> all() {
        return types.values();
    }

    private void addAll(ServiceLoader<Policy> services, String origin) {
        try {
            services.stream().forEach(provider -> add(provider, origin));
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("plugin " + origin + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    private void add(ServiceLoader.Provider<Policy> provider, String origin) {
        Class<? extends Policy> type = provider.type();
        PolicyInfo info = type.getAnnotation(PolicyInfo.class);
        if (info == null) {
            throw new IllegalArgumentException("policy " + type.getName() + " in " + origin
                    + " has no @PolicyInfo annotation naming it");
        }
        if (!NAME.matcher(info.name()).matches()) {
            throw new IllegalArgumentException("policy " + type.getName() + " in " + origin + " has the name '"
                    + info.name() + "': names are lower-case letters, digits and underscores");
        }
        PolicyType earlier = types.get(info.name());
        if (earlier != null) {
            throw new IllegalArgumentException("policy name '" + info.name() + "' is provided by both " + earlier.origin()
                    + " and " + origin);
        }
        String version = !info.version().isBlank() ? info.version()
                : Optional.ofNullable(type.getPackage()).map(Package::getImplementationVersion).orElse("unversioned");
        types.put(info.name(), new PolicyType(info.name(), version, info.description(), origin, provider::get));
    }

    private static List<Path> plugins(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !Files.isDirectory(p) || hasJars(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + folder, e);
        }
    }

    private static boolean hasJars(Path folder) {
        return jarsIn(folder).length > 0;
    }

    private static URL[] jars(Path plugin) {
        if (!Files.isDirectory(plugin)) {
            return new URL[] {url(plugin)};
        }
        return jarsIn(plugin);
    }

    private static URL[] jarsIn(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().map(PolicyCatalog::url)
                    .toArray(URL[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugin folder " + folder, e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("closing plugin class loader {} failed", loader.getName(), e);
            }
        }
    }
}
