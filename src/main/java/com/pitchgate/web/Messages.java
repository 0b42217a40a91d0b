package com.pitchgate.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The review pages' words in one language (bundles {@code com/pitchgate/web/messages_*.properties}).
 * The language is the browser's first one the pages speak (Accept-Language, in its order of
 * preference), else the space's first, else English.
 */
public final class Messages {

    static final List<String> SPOKEN = List.of("en", "fr");
    private static final Map<String, Messages> BY_LANGUAGE = new HashMap<>();

    static {
        for (String language : SPOKEN) {
            ResourceBundle bundle = ResourceBundle.getBundle("com.pitchgate.web.messages", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> words = new HashMap<>();
            bundle.keySet().forEach(key -> words.put(key, bundle.getString(key)));
            BY_LANGUAGE.put(language, new Messages(language, Collections.unmodifiableMap(words)));
        }
    }

    private final String language;
    private final Map<String, String> words;

    private Messages(String language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    /** @param acceptLanguages the browser's languages, most wanted first (JAX-RS sorts them by q) */
    public static Messages choose(List<Locale> acceptLanguages, List<String> spaceLanguages) {
        for (Locale locale : acceptLanguages) {
            if (SPOKEN.contains(locale.getLanguage())) {
                return of(locale.getLanguage());
            }
        }
        return spaceLanguages.stream().filter(SPOKEN::contains).findFirst().map(Messages::of).orElse(of("en"));
    }

    public static Messages of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get("en"));
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The words by key, for templates ({@code t.queue_forward}); a missing key shows as itself. */
    public Map<String, String> words() {
        return words;
    }

    public String get(String key) {
        return words.getOrDefault(key, key);
    }
}
