package com.pitchgate.crm;

import java.util.List;

/** Where the "no"s people see and change are kept ({@link DeclineService}); the store implements it. */
public interface Declines {

    /** A page of the space's "no"s that stand at {@code now}. */
    List<DeclineRow> standingDeclines(String spaceId, long now, int limit, long offset);

    /** @param scope {@code sender} or {@code organisation} */
    void decline(String spaceId, String scope, String value, long now, long until);

    /** Lifts a standing "no" of the space; false when it has none with this id. */
    boolean liftDecline(String spaceId, long id, long now);
}
