package com.pitchgate.mail;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that run Dovecot and aiosmtpd: disabled, with the reason, where either is not
 * installed, so that each test is reported skipped; always enabled on CI ({@code CI=true}), where a
 * missing server then fails the tests.
 */
final class RealMailServers implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("on CI the tests against real mail servers always run");
        }
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(DovecotServer.DOVECOT)) {
            missing.add(DovecotServer.MISSING);
        }
        if (!AiosmtpdSink.installed()) {
            missing.add(AiosmtpdSink.MISSING);
        }
        return missing.isEmpty() ? ConditionEvaluationResult.enabled("Dovecot and aiosmtpd are installed")
                : ConditionEvaluationResult.disabled(String.join("; ", missing));
    }
}
