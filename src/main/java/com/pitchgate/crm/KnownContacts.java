package com.pitchgate.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts a space knows, as they stood when read, with what screening asks of them for every
 * pitch answered from memory: is this address known, who is called by these words, who is known at
 * this domain or in this organisation. Asked of the store, these were four to six statements a pitch
 * (a tenth of the CPU time of screening, docs/benchmarks.md); the store now reads the known contacts
 * again only when they change (see {@link CrmMemory#knownContacts}). Immutable.
 *
 * <p>Where several contacts answer, the first in the order given wins (the store gives them by id, as
 * its {@code ORDER BY c.id} did).
 */
public final class KnownContacts {

    /** A known contact: its first address, name, organisation (or null), and every address it writes from. */
    public record Contact(String email, String name, String organisation, List<String> addresses) {

        public Contact {
            addresses = List.copyOf(addresses);
        }
    }

    private record Named(Contact contact, Set<String> words) {
    }

    public static final KnownContacts NONE = new KnownContacts(List.of());

    private final List<Contact> contacts;
    private final Map<String, Contact> byAddress = new HashMap<>();
    /** Each word of a name (accents and case folded) to the contacts whose name holds it, in order. */
    private final Map<String, List<Named>> byNameWord = new HashMap<>();
    /** Each part of an address after one of its '@', ASCII letters in lower case, to the first contact. */
    private final Map<String, Contact> byDomain = new HashMap<>();
    /** Each organisation in lower case to its first contact. */
    private final Map<String, Contact> byOrganisation = new HashMap<>();

    private KnownContacts(List<Contact> contacts) {
        this.contacts = List.copyOf(contacts);
        for (Contact contact : this.contacts) {
            for (String address : contact.addresses()) {
                byAddress.putIfAbsent(address, contact);
                for (int at = address.indexOf('@'); at >= 0; at = address.indexOf('@', at + 1)) {
                    byDomain.putIfAbsent(lowerAscii(address.substring(at + 1)), contact);
                }
            }
            Named named = new Named(contact, contact.name() == null ? Set.of() : Set.copyOf(CrmContext.nameTokens(contact.name())));
            for (String word : named.words()) {
                byNameWord.computeIfAbsent(word, w -> new ArrayList<>()).add(named);
            }
            if (contact.organisation() != null) {
                byOrganisation.putIfAbsent(contact.organisation().toLowerCase(Locale.ROOT), contact);
            }
        }
    }

    /** These contacts; where several answer a question, the first wins. */
    public static KnownContacts of(List<Contact> contacts) {
        return contacts.isEmpty() ? NONE : new KnownContacts(contacts);
    }

    public List<Contact> all() {
        return contacts;
    }

    /** The known contact writing from this address (as stored: in lower case). */
    public Optional<Contact> byAddress(String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /**
     * The contacts whose name holds all these words, accents and case folded as {@link CrmContext#nameTokens}
     * folds them ("Jean-Luc Ménard" is called by "menard" and by "jean luc"); none for no words.
     */
    public List<Contact> calledBy(Set<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        List<Named> fewest = null;
        for (String word : words) {
            List<Named> holding = byNameWord.get(word);
            if (holding == null) {
                return List.of();
            }
            if (fewest == null || holding.size() < fewest.size()) {
                fewest = holding;
            }
        }
        List<Contact> called = new ArrayList<>(1);
        for (Named named : fewest) {
            if (named.words().containsAll(words)) {
                called.add(named.contact());
            }
        }
        return called;
    }

    /**
     * The first contact with an address at this domain (in lower case): an address that ends with '@'
     * and the domain, ASCII letters in any case, as SQL's LIKE compared them.
     */
    public Optional<Contact> atDomain(String domain) {
        return Optional.ofNullable(byDomain.get(lowerAscii(domain)));
    }

    /** The first contact of the organisation with this name (in lower case), its name in any case. */
    public Optional<Contact> ofOrganisation(String name) {
        return Optional.ofNullable(byOrganisation.get(name));
    }

    /** The text with its ASCII letters in lower case, the others as they are (as SQLite's lower() and LIKE read them). */
    static String lowerAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] lowered = text.toCharArray();
                for (int j = i; j < lowered.length; j++) {
                    if (lowered[j] >= 'A' && lowered[j] <= 'Z') {
                        lowered[j] = (char) (lowered[j] + ('a' - 'A'));
                    }
                }
                return new String(lowered);
            }
        }
        return text;
    }
}
