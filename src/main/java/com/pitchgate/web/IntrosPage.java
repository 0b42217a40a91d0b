package com.pitchgate.web;

import java.util.List;

/** The space's intros network: who, among members and known contacts, knows whom. */
public final class IntrosPage extends Page {

    private final List<Intro> intros;

    public IntrosPage(Messages messages, WebSession session, String spaceName, List<Intro> intros) {
        super("intros.ftlh", messages, session, spaceName);
        this.intros = intros;
    }

    public List<Intro> getIntros() {
        return intros;
    }

    /** @param knows a person ("name &lt;email&gt;") or an organisation's domain */
    public record Intro(String introducer, String introducerKind, String knows, String note, String source, String date) {
    }
}
