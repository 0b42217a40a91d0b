package com.pitchgate.access;

import io.dropwizard.auth.Authenticator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the caller behind a bearer key: among the keys declared in config.yml, then those in the store. */
public final class ApiKeyAuthenticator implements Authenticator<String, Caller> {

    private final Map<String, AuthConfig.DeclaredKey> declared;
    private final ApiKeyStore stored;

    public ApiKeyAuthenticator(AuthConfig config, ApiKeyStore stored) {
        this.declared = config.keys.stream().collect(Collectors.toMap(AuthConfig.DeclaredKey::sha256, Function.identity()));
        this.stored = stored;
    }

    @Override
    public Optional<Caller> authenticate(String key) {
        String hash = ApiKeys.hash(key.strip());
        AuthConfig.DeclaredKey known = declared.get(hash);
        if (known != null) {
            return Optional.of(new Caller(known.name(), Optional.of(known.space()), Role.fromId(known.role()).orElseThrow(),
                    Optional.ofNullable(known.member())));
        }
        return stored.byHash(hash)
                .map(row -> new Caller(row.name(), Optional.of(row.spaceId()), Role.fromId(row.role()).orElseThrow(),
                        Optional.ofNullable(row.memberId())));
    }
}
