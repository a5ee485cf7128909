package io.kapivara.hub.bus.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.testing.GenericPlans;

/**
 * Every bus statement reaches the tables that grow with the store, the owners and the operators'
 * actions through an index, in the plans PostgreSQL caches while they are new and never analyzed.
 */
class BusPlansIT {

    private static final Set<String> GROWING = Set.of("events", "streams", "checkpoints", "audit_log");

    @Test
    void noStatementReadsAGrowingTableWhole() throws SQLException {
        try (GenericPlans plans = GenericPlans.onNewSchema()) {
            everyPlanUsesIndexes(plans, "empty");
            everyPlanUsesIndexes(plans.withBuckets(), "buckets only");
            everyPlanUsesIndexes(plans.withAFewRows(), "a few rows");
        }
    }

    private static void everyPlanUsesIndexes(GenericPlans plans, String tables) throws SQLException {
        Map<String, String> statements = GenericPlans.statementsOf(BusSql.class);
        assertThat(statements).containsKeys("COMMIT", "FETCH_START", "READ_BUCKETS_AFTER", "SELECT_AUDIT");
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            String plan = plans.plan(statement.getValue());
            assertThat(GenericPlans.sequentiallyScanned(plan))
                    .as("%s reads a growing table whole (tables: %s):%n%s", statement.getKey(), tables, plan)
                    .doesNotContainAnyElementsOf(GROWING);
        }
    }
}
