package com.pitchgate.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pitchgate.PitchgateConfiguration;
import com.pitchgate.access.ApiKeys;
import com.pitchgate.support.ConfigFiles;
import com.pitchgate.support.TestDatabase;
import com.pitchgate.store.Database;
import com.pitchgate.PitchgateApplication;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The application with auth on, the test space (la-fabrique) and a second one (studio-lina), keys
 * for each role; and a plain HTTP client (no redirects followed, cookies handled by hand) to talk to
 * the review pages the way a browser would.
 */
final class WebTestServer implements AutoCloseable {

    static final String MANAGER_KEY = "web-test-manager-key";
    static final String MEMBER_KEY = "web-test-member-key";
    static final String INGEST_KEY = "web-test-ingest-key";
    static final String ADMIN_KEY = "web-test-admin-key";
    static final String OTHER_MANAGER_KEY = "web-test-other-space-manager-key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final DropwizardTestSupport<PitchgateConfiguration> app;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    WebTestServer() throws Exception {
        this(Database.Vendor.SQLITE);
    }

    /** On a new database of the given kind (PostgreSQL: on the test server, see PostgresTestServer). */
    WebTestServer(Database.Vendor vendor) throws Exception {
        this(vendor, WebTestServer::withKeysAndTwoSpaces);
    }

    /** test-config.yml as it is: auth off, as for local development. */
    static WebTestServer withoutAuth() throws Exception {
        return new WebTestServer(Database.Vendor.SQLITE, config -> { });
    }

    /** Keys and two spaces as usual, with more of the configuration changed by {@code edit}. */
    static WebTestServer with(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        return new WebTestServer(Database.Vendor.SQLITE, config -> {
            withKeysAndTwoSpaces(config);
            edit.accept(config);
        });
    }

    private WebTestServer(Database.Vendor vendor, java.util.function.Consumer<ObjectNode> config) throws Exception {
        app = new DropwizardTestSupport<>(PitchgateApplication.class, ConfigFiles.testConfig(config).toString(),
                TestDatabase.overridesCreatedOnStart(vendor));
        app.before();
    }

    String url(String path) {
        return url("localhost", path);
    }

    /** The server by another of its names, e.g. 127.0.0.1: a browser keeps cookies apart per host name. */
    String url(String host, String path) {
        return "http://" + host + ":" + app.getLocalPort() + path;
    }

    /** Submits a web-form pitch through the API, with the ingest key; the decision as JSON. */
    JsonNode submit(Map<String, String> pitch) {
        return submit(pitch, INGEST_KEY, "la-fabrique");
    }

    JsonNode submit(Map<String, String> pitch, String key, String space) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/pitches?space=" + space)))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(pitch))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Submits a raw e-mail through the API, with the ingest key; the decision as JSON. */
    JsonNode submitMail(String raw) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/messages")))
                    .header("Authorization", "Bearer " + INGEST_KEY).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofString(raw)).build());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode apiGet(String path, String key) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Bearer " + key).GET().build());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, String sessionCookie, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (sessionCookie != null) {
            request.header("Cookie", WebSessions.COOKIE + "=" + sessionCookie);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String cookieHeader, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        return send(request.build());
    }

    /** A POST with the session's cookie. */
    HttpResponse<String> postAs(Session session, String path, Map<String, String> form) {
        return post(path, WebSessions.COOKIE + "=" + session.cookie(), form);
    }

    /** Signs in as a browser does: fetch the form (and its cookie), post it back. */
    HttpResponse<String> signIn(String space, String key) {
        HttpResponse<String> form = get("/ui/signin", null, null);
        String formCookie = cookie(form, SignInResource.FORM_COOKIE).orElseThrow();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(form.body()));
        fields.put("space", space);
        if (key != null) {
            fields.put("key", key);
        }
        return post("/ui/signin", SignInResource.FORM_COOKIE + "=" + formCookie, fields);
    }

    /** A signed-in session: its cookie, and the CSRF token its pages carry. */
    Session session(String space, String key) {
        HttpResponse<String> signedIn = signIn(space, key);
        if (signedIn.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.body());
        }
        String cookie = cookie(signedIn, WebSessions.COOKIE).orElseThrow();
        return new Session(cookie, csrf(get("/ui/queues/forward", cookie, null).body()));
    }

    record Session(String cookie, String csrf) {
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return matcher.group(1);
    }

    static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty()).findFirst();
    }

    static Optional<String> setCookieHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.after();
    }

    private static void withKeysAndTwoSpaces(ObjectNode config) {
        ObjectNode auth = config.putObject("auth").put("enabled", true);
        ArrayNode keys = auth.putArray("keys");
        key(keys, "sophie", "la-fabrique", "manager", null, MANAGER_KEY);
        key(keys, "marie", "la-fabrique", "member", "marie-dupont", MEMBER_KEY);
        key(keys, "intake", "la-fabrique", "ingest", null, INGEST_KEY);
        key(keys, "ops", "la-fabrique", "admin", null, ADMIN_KEY);
        key(keys, "lina", "studio-lina", "manager", null, OTHER_MANAGER_KEY);
        ObjectNode studio = ((ArrayNode) config.get("spaces")).addObject();
        studio.put("id", "studio-lina").put("name", "Studio Lina").putArray("languages").add("fr");
        studio.putObject("manager").put("name", "Lina Roy").put("email", "lina@studio-lina.example");
        ObjectNode lina = studio.putArray("members").addObject();
        lina.put("id", "lina").put("name", "Lina Roy").put("email", "lina@studio-lina.example");
        lina.putArray("skills").add("illustration");
    }

    private static void key(ArrayNode keys, String name, String space, String role, String member, String key) {
        ObjectNode entry = keys.addObject().put("name", name).put("space", space).put("role", role)
                .put("sha256", ApiKeys.hash(key));
        if (member != null) {
            entry.put("member", member);
        }
    }
}
