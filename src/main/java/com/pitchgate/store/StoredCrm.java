package com.pitchgate.store;

import com.pitchgate.crm.ContactRow;
import com.pitchgate.crm.DeclineRow;
import com.pitchgate.crm.Declines;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The contacts, organisations and "no"s of the CRM, as its API reads and changes them. */
public final class StoredCrm implements Declines {

    /** A contact with every address it writes from. */
    public record Contact(ContactRow row, List<String> addresses) {
    }

    private final Jdbi jdbi;

    public StoredCrm(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param query lower case; blank for all */
    public List<Contact> contacts(String spaceId, String query, int limit, long offset) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.searchContacts(spaceId, query, limit, offset).stream()
                .map(row -> new Contact(row, dao.addresses(row.id()))).toList());
    }

    public Optional<ContactRow> contactRow(String spaceId, long id) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.contactById(spaceId, id));
    }

    public Optional<Contact> contact(String spaceId, long id) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.contactById(spaceId, id)
                .map(row -> new Contact(row, dao.addresses(id))));
    }

    /**
     * Adds an address to the space's contact, taking it from another contact if it had it; empty
     * (and nothing changed) when the space has no such contact.
     */
    public Optional<Contact> addAddress(String spaceId, long id, String email) {
        return jdbi.inTransaction(handle -> {
            CrmDao dao = handle.attach(CrmDao.class);
            if (dao.contactById(spaceId, id).isEmpty()) {
                return Optional.empty();
            }
            dao.addAddress(spaceId, email, id);
            return dao.contactById(spaceId, id).map(row -> new Contact(row, dao.addresses(id)));
        });
    }

    /** @param query lower case; blank for all */
    public List<OrganisationRow> organisations(String spaceId, String query, int limit, long offset) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.searchOrganisations(spaceId, query, limit, offset));
    }

    public Optional<OrganisationRow> organisation(String spaceId, long id) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.organisation(spaceId, id));
    }

    /** The contacts writing from an organisation's domain. */
    public List<Contact> contactsOf(String spaceId, String domain) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.contactsOf(spaceId, domain).stream()
                .map(row -> new Contact(row, dao.addresses(row.id()))).toList());
    }

    @Override
    public List<DeclineRow> standingDeclines(String spaceId, long now, int limit, long offset) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.standingDeclines(spaceId, now, limit, offset));
    }

    @Override
    public void decline(String spaceId, String scope, String value, long now, long until) {
        jdbi.useExtension(CrmDao.class, dao -> dao.insertDecline(spaceId, scope, value, null, now, until));
    }

    @Override
    public boolean liftDecline(String spaceId, long id, long now) {
        return jdbi.withExtension(CrmDao.class, dao -> dao.liftDecline(spaceId, id, now)) > 0;
    }

    /** A page of the space's decisions for export, by pitch id, after {@code afterId}. */
    public List<DecisionDao.ExportRow> decisions(String spaceId, long afterId, int limit) {
        return jdbi.withExtension(DecisionDao.class, dao -> dao.export(spaceId, afterId, limit));
    }
}
