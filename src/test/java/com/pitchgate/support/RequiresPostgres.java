package com.pitchgate.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that needs the PostgreSQL test server (see {@link PostgresTestServer}): disabled,
 * with the reason, when there is none. A disabled class is reported with each of its tests skipped,
 * where an assumption failing as the class starts would show no test at all. On CI it always runs,
 * so that a missing server fails it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (PostgresTestServer.configured() || PostgresTestServer.onCi()) {
                return ConditionEvaluationResult.enabled(PostgresTestServer.URL_VARIABLE + " is set, or this is CI");
            }
            return ConditionEvaluationResult.disabled(PostgresTestServer.MISSING);
        }
    }
}
