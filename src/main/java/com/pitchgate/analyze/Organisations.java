package com.pitchgate.analyze;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which organisation an address belongs to. People writing from a personal mail provider belong to
 * no organisation: everyone at gmail.com is not one company.
 */
public final class Organisations {

    private static final Set<String> PERSONAL_DOMAINS = Set.of(
            "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.co.uk", "ymail.com", "hotmail.com",
            "hotmail.fr", "hotmail.co.uk", "outlook.com", "outlook.fr", "live.com", "live.fr", "msn.com", "aol.com",
            "icloud.com", "me.com", "mac.com", "gmx.com", "gmx.fr", "gmx.de", "gmx.net", "web.de", "proton.me",
            "protonmail.com", "pm.me", "tutanota.com", "mail.com", "yandex.com", "yandex.ru", "zoho.com",
            "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "numericable.fr",
            "club-internet.fr", "aliceadsl.fr", "skynet.be", "bluewin.ch", "libero.it", "qq.com", "163.com");

    private Organisations() {
    }

    public static boolean isPersonalDomain(String domain) {
        return PERSONAL_DOMAINS.contains(domain.toLowerCase(Locale.ROOT));
    }

    /** The organisation key of an address's domain: the domain itself, unless it is a personal one. */
    public static Optional<String> ofDomain(String domain) {
        if (domain == null || domain.isBlank() || isPersonalDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of(domain.toLowerCase(Locale.ROOT));
    }
}
