package com.pitchgate.access;

import com.pitchgate.store.ApiKeyDao;
import io.dropwizard.auth.Authenticator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Finds the caller behind a bearer key: among the keys declared in config.yml, then those in the store. */
public final class ApiKeyAuthenticator implements Authenticator<String, Caller> {

    private final Map<String, AuthConfig.DeclaredKey> declared;
    private final Jdbi jdbi;

    public ApiKeyAuthenticator(AuthConfig config, Jdbi jdbi) {
        this.declared = config.keys.stream().collect(Collectors.toMap(AuthConfig.DeclaredKey::sha256, Function.identity()));
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Caller> authenticate(String key) {
        String hash = ApiKeys.hash(key.strip());
        AuthConfig.DeclaredKey known = declared.get(hash);
        if (known != null) {
            return Optional.of(new Caller(known.name(), Optional.of(known.space()), Role.fromId(known.role()).orElseThrow(),
                    Optional.ofNullable(known.member())));
        }
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.byHash(hash))
                .map(row -> new Caller(row.name(), Optional.of(row.spaceId()), Role.fromId(row.role()).orElseThrow(),
                        Optional.ofNullable(row.memberId())));
    }
}
