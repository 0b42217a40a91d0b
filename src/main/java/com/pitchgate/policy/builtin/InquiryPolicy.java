package com.pitchgate.policy.builtin;

import com.pitchgate.spi.MessageKind;
import com.pitchgate.spi.Pitch;
import com.pitchgate.spi.PolicyConfig;
import com.pitchgate.spi.PolicyException;
import com.pitchgate.spi.Policy;
import com.pitchgate.spi.PolicyInfo;
import com.pitchgate.spi.PolicyOutcome;
import com.pitchgate.spi.ScreeningContext;
import com.pitchgate.spi.Signal;
import com.pitchgate.text.Decimals;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a customer from a vendor by the direction of the ask: someone who wants something from the
 * space or a member (a desk, a room, a quote, a service) against someone who wants to sell to it. A
 * vendor's question ("would you like a quote?") is still an offer. Declining a genuine inquiry is
 * the worst error, so an inquiry weighs enough to forward on its own, whatever its fit to the
 * profile, unless strong marks of mass prospecting say otherwise.
 */
@PolicyInfo(name = "inquiry", description = "Tells a genuine inquiry from a vendor offer.")
public final class InquiryPolicy implements Policy {

    static final Signal GENUINE_INQUIRY = new Signal("genuine_inquiry", 6.0, "asks for something: a customer, not a vendor");
    static final Signal VENDOR_OFFER = new Signal("vendor_offer", -1.5, "offers something: a vendor");

    @Override
    public List<Signal> signals() {
        return List.of(GENUINE_INQUIRY, VENDOR_OFFER);
    }

    /** The sender asks for something: first-person wants, and questions about availability or price. */
    static final TextCues REQUESTS = new TextCues(
            "\\b(?:I|we)(?:'m| am| are)? (?:(?:currently )?looking for|searching for|need|would like to|'d like to|want to|wish to|hope to) "
                    + "(?:rent|book|hire|reserve|visit|join|order|get|find|buy|organi[sz]e|host)?",
            "\\b(?:I|we)(?:'m| am| are)? (?:currently )?(?:looking|searching) for\\b",
            "\\b(?:do|would) you have (?:any )?(?:desks?|offices?|rooms?|space|availability|openings?|a spot|room)\\b",
            "\\b(?:could|can|would) you (?:send|give|quote|share|tell)(?: me| us)?\\b",
            // Asking a price, not "how much time your staff loses" nor "see how much you could save".
            "\\b(?:how much (?:is|are|does|do|would|will|for|per|it|to)|what (?:is|are) (?:the|your) (?:price|prices|rates?|fees?|pricing))\\b",
            // A customer asks for the price list ("your", "the", "a price list for"); "reply for a price list",
            // "request our price list" offer one.
            "\\b(?:request(?:ing)? a quote|get a quote|a quote for|(?:your|the) price list|a price list (?:for|of)|your rates|your pricing)\\b",
            "\\b(?:is|are) (?:it|there|you) (?:possible|available)\\b",
            "\\b(?:je|nous) (?:cherche|cherchons|recherche|recherchons|souhaite|souhaiterais|souhaitons|souhaiterions|voudrais|voudrions|aimerais|aimerions)\\b",
            "\\b(?:j'ai|nous avons) besoin\\b",
            "\\b(?:avez|auriez)-vous (?:des |un |une |de la )?(?:bureaux?|postes?|places?|salles?|disponibilités?|espace)\\b",
            "\\b(?:pourriez|pouvez)-vous (?:m'|nous )?(?:envoyer|faire|donner|indiquer|communiquer)\\b",
            "\\b(?:quel(?:s|le|les)? (?:est|sont) (?:le|les|vos) (?:prix|tarifs?)|combien (?:coûte|coute|ça coûte))\\b",
            "\\b(?:est-il|serait-il) possible\\b",
            "\\bdemande de devis\\b");

    /** What customers of a space or a freelancer ask about. */
    static final TextCues CUSTOMER_TOPICS = new TextCues(
            "\\b(?:desks?|hot ?desk|office|offices|meeting rooms?|conference rooms?|rooms?|workspace|coworking|membership|day pass|"
                    + "rent|renting|rental|book|booking|reservation|reserve|quote|quotation|price|prices|pricing|rates?|availability|"
                    + "visit|tour|event space|venue|hire you|your services|your help|freelance|mission|project|contract)\\b",
            "\\b(?:bureaux?|postes? de travail|poste|salles? de réunion|salles?|espace de travail|coworking|abonnement|adhésion|"
                    + "location|louer|réserver|réservation|devis|tarifs?|prix|disponibilités?|visite|visiter|privatiser|"
                    + "événement|vos services|votre aide|mission|projet|prestation)\\b");

    /** The sender offers something. */
    static final TextCues OFFERS = new TextCues(
            "\\bwe (?:offer|provide|help|specialize|specialise|build|deliver|sell|work with)\\b",
            "\\bour (?:solution|platform|product|products|services|agency|software|tool|app|offer|company|team|clients|customers)\\b",
            "\\bI(?:'d| would) love to (?:show|offer|present|introduce|share|tell|walk)\\b",
            "\\b(?:book|schedule|hop on|jump on) a (?:quick )?(?:call|demo|meeting|chat)\\b",
            "\\b(?:free trial|demo|partnership|partner with you|special offer|discount|limited time|ROI|increase your|boost your)\\b",
            "\\b(?:nous|je) (?:proposons|propose|offrons|accompagnons|aidons|aide|développons|vendons|travaillons avec)\\b",
            "\\bnotre (?:solution|plateforme|offre|agence|produit|logiciel|outil|application|équipe|société|entreprise)\\b",
            "\\b(?:vous présenter|partenariat|essai gratuit|démo|démonstration|offre spéciale|remise|réduction)\\b");

    /** Below this probability of either direction, the model is not sure enough to say. */
    private double minConfidence = 0.2;

    @Override
    public void init(PolicyConfig config) throws PolicyException {
        minConfidence = ProbabilitySetting.read(config, "minConfidence", minConfidence);
    }

    /**
     * The trained categoriser decides ({@link Pitch#kind()}); the cue lists only explain, in the
     * words of the pitch, what it read. Without a kind (a pitch from before the categoriser, a plugin's
     * test), the cues decide as they did.
     */
    @Override
    public PolicyOutcome evaluate(Pitch pitch, ScreeningContext context) {
        String text = pitch.subject() + "\n" + pitch.body();
        MessageKind kind = pitch.kind();
        if (kind.is(MessageKind.UNKNOWN_KIND)) {
            return byCues(text);
        }
        // The direction of the ask: an introduction, too, asks one way or the other ("X suggested I ask
        // you for a quote"); bulk, bumps and correspondence are told elsewhere.
        if (!kind.is(MessageKind.INQUIRY) && !kind.is(MessageKind.OFFER) && !kind.is(MessageKind.INTRO)) {
            return PolicyOutcome.nothing();
        }
        double inquiry = kind.probability(MessageKind.INQUIRY);
        double offer = kind.probability(MessageKind.OFFER);
        if (inquiry > offer && inquiry >= minConfidence) {
            return PolicyOutcome.of(List.of(GENUINE_INQUIRY.withDetail("asks for something (" + Decimals.rounded(100 * inquiry, 0)
                    + "% against " + Decimals.rounded(100 * offer, 0) + "% for an offer)" + explained(REQUESTS.find(text, 3)))));
        }
        if (offer > inquiry && offer >= minConfidence) {
            return PolicyOutcome.of(List.of(VENDOR_OFFER.withDetail("offers something (" + Decimals.rounded(100 * offer, 0)
                    + "% against " + Decimals.rounded(100 * inquiry, 0) + "% for an inquiry)" + explained(OFFERS.find(text, 3)))));
        }
        return PolicyOutcome.nothing();
    }

    private static String explained(List<String> cues) {
        return cues.isEmpty() ? "" : ": " + TextCues.quoted(cues);
    }

    private static PolicyOutcome byCues(String text) {
        List<String> requests = REQUESTS.find(text, 4);
        List<String> topics = CUSTOMER_TOPICS.find(text, 4);
        List<String> offers = OFFERS.find(text, 4);
        List<Signal> signals = new ArrayList<>();
        if (!requests.isEmpty() && !topics.isEmpty() && requests.size() + topics.size() > 2 * offers.size()) {
            signals.add(GENUINE_INQUIRY.withDetail("asks for something: " + TextCues.quoted(requests)
                    + " about " + TextCues.quoted(topics)));
        } else if (!offers.isEmpty()) {
            signals.add(VENDOR_OFFER.withDetail("offers something: " + TextCues.quoted(offers)));
        }
        return PolicyOutcome.of(signals);
    }
}
