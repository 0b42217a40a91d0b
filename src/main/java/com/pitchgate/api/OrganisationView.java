package com.pitchgate.api;

import com.pitchgate.store.OrganisationRow;
import java.util.List;

/** An organisation and its contacts. */
public record OrganisationView(OrganisationRow organisation, List<ContactView> contacts) {
}
