package com.pitchgate.space;

import java.util.List;

/**
 * Where the edits of profiles are kept. The space package owns this and the store implements it,
 * so that profiles do not depend on how they are stored.
 */
public interface ProfileEditStore {

    /**
     * One field's new value.
     *
     * @param subject {@link ProfileEdits#SPACE} for the space itself, otherwise a member's id
     * @param field   a {@link ProfileEdits.Field}'s id
     */
    record Edit(String spaceId, String subject, String field, List<String> phrases, String editedBy, long editedAt) {
        public Edit {
            phrases = List.copyOf(phrases);
        }
    }

    /** Every edit, by space, subject and field. */
    List<Edit> all();

    /** Keeps an edit, in place of the one before of the same space, subject and field. */
    void save(Edit edit);
}
