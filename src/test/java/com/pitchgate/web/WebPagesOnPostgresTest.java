package com.pitchgate.web;

import com.pitchgate.store.Database;
import com.pitchgate.support.RequiresPostgres;

/** {@link WebPagesTest} on PostgreSQL (the review pages' search, counts and per-day queries included). */
@RequiresPostgres
class WebPagesOnPostgresTest extends WebPagesTest {

    @Override
    protected Database.Vendor vendor() {
        return Database.Vendor.POSTGRESQL;
    }
}
