package com.pitchgate.crm;

import java.util.List;

/** Where the intros of a space's members and contacts are kept ({@link IntroService}); the store implements it. */
public interface Intros {

    /** A page of the space's intros, newest first. */
    List<IntroRow> list(String spaceId, int limit, long offset);

    /** Keeps an intro; returns it as stored, with its id. */
    IntroRow add(IntroRow intro);

    /** Keeps intros all together or none (an imported network). */
    void addAll(List<IntroRow> intros);

    /** False when the space has no such intro. */
    boolean remove(String spaceId, long id);
}
