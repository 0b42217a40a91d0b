package com.pitchgate.plugin;

/**
 * The parent of every plugin's class loader: it sees the JDK and the policy API, nothing else of
 * the server. A plugin that bundles its own Jackson or Commons Lang gets its own version, and
 * cannot reach into the server's internals.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private static final String API_PACKAGE = "com.pitchgate.spi.";

    private final ClassLoader server;

    ApiOnlyClassLoader(ClassLoader server) {
        super("pitchgate-policy-api", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PACKAGE)) {
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
