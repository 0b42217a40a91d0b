package com.pitchgate.cli;

import com.pitchgate.access.ApiKeys;
import com.pitchgate.space.SpaceDirectory;
import com.pitchgate.store.Database;
import com.pitchgate.store.StoredApiKeys;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Creates an API key and prints it once: {@code java -jar pitchgate.jar new-key config.yml --space
 * la-fabrique --role admin --name ops}. Only its hash is stored.
 *
 * @param <C> the application's configuration
 */
public final class NewKeyCommand<C extends Configuration & CommandSettings> extends ConfigurationCommand<C> {

    public NewKeyCommand(Class<C> configuration) {
        super("new-key", "Creates an API key for a space and prints it (only once)", configuration);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--space").help("the space's id (default: the first configured space)");
        subparser.addArgument("--role").required(true).choices("admin", "manager", "member", "ingest")
                .help("what the key may do");
        subparser.addArgument("--name").required(true).help("who or what the key is for");
        subparser.addArgument("--member").help("for the member role: the member's id");
    }

    @Override
    protected void run(Bootstrap<C> bootstrap, Namespace namespace, C config)
            throws Exception {
        SpaceDirectory spaces = new SpaceDirectory(config.getSpaces());
        String spaceId = namespace.getString("space");
        var space = spaceId == null ? spaces.defaultSpace() : spaces.find(spaceId)
                .orElseThrow(() -> new IllegalArgumentException("unknown space '" + spaceId + "'"));
        String role = namespace.getString("role");
        String member = namespace.getString("member");
        if (role.equals("member") && (member == null || space.profile().member(member).isEmpty())) {
            throw new IllegalArgumentException("--role member needs --member with the id of a member of " + space.id());
        }
        String key = ApiKeys.generate();
        try (Database.Standalone store = Database.openStandalone(config.getDatabase(), bootstrap.getMetricRegistry())) {
            new StoredApiKeys(store.jdbi()).add(space.id(), namespace.getString("name"), role, member, ApiKeys.hash(key),
                    System.currentTimeMillis());
        }
        System.out.println("New " + role + " key for space " + space.id() + " (shown once, keep it safe):");
        System.out.println(key);
    }
}
