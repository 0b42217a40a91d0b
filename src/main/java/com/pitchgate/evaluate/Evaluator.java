package com.pitchgate.evaluate;

import com.pitchgate.crm.CrmContext;
import com.pitchgate.crm.CrmMemory;
import com.pitchgate.screen.Screener;
import com.pitchgate.space.Space;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Screens each example of a labelled data set through the real pipeline (extract, analyse,
 * policies, route) and collects the decisions. Nothing is stored and no mail is sent; policies know
 * the space's configured members and contacts, and no history, so that a data set is judged the
 * same on any server.
 */
public final class Evaluator {

    private final Screener screener;
    private final Clock clock;

    public Evaluator(Screener screener, Clock clock) {
        this.screener = screener;
        this.clock = clock;
    }

    public Evaluation evaluate(List<LabeledExample> examples, Space space) {
        CrmMemory configuredOnly = CrmMemory.configured(List.of(space));
        List<Evaluation.Result> results = new ArrayList<>();
        long id = 0;
        for (LabeledExample example : examples) {
            // Ids number the examples in the order given, for log lines about a policy failing on one.
            Screener.Screening screening = screener.screen(++id, example.raw(), example.channel(),
                    new CrmContext(space.profile(), configuredOnly, clock.instant()));
            results.add(new Evaluation.Result(example, screening.decision(), screening.pitch().kind(),
                    screening.pitch().language()));
        }
        return new Evaluation(results);
    }
}
