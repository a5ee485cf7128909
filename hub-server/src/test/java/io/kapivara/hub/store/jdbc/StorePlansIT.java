package io.kapivara.hub.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.testing.GenericPlans;

/**
 * Every store statement reaches the tables that grow with the store through an index, in the plans
 * PostgreSQL caches while they are new and never analyzed. A plan that reads a table whole, cached
 * then, stays until the table is analyzed: with autovacuum off, for as long as the connection lives.
 */
class StorePlansIT {

    private static final Set<String> GROWING = Set.of("events", "streams");

    @Test
    void noStatementReadsAGrowingTableWhole() throws SQLException {
        try (GenericPlans plans = GenericPlans.onNewSchema()) {
            everyPlanUsesIndexes(plans, "empty");
            everyPlanUsesIndexes(plans.withBuckets(), "buckets only");
            everyPlanUsesIndexes(plans.withAFewRows(), "a few rows");
        }
    }

    @Test
    void theAppendGroupLooksEachIdAndStreamUpByItsUniqueIndex() throws SQLException {
        try (GenericPlans plans = GenericPlans.onNewSchema().withBuckets().withAFewRows()) {
            assertThat(plans.plan(StoreSql.SELECT_STORED)).contains("Index Scan using events_id_key on events");
            assertThat(plans.plan(StoreSql.SELECT_STREAMS)).contains("Index Scan using streams_pkey on streams");
            assertThat(plans.plan(StoreSql.SELECT_GROUP_BUCKET_HEADS))
                    .contains("Index Scan using streams_pkey on streams");
        }
    }

    @Test
    void theChartOfAppendsReadsTheNewestBlocksByTheBrinIndex() throws SQLException {
        try (GenericPlans plans = GenericPlans.onNewSchema()) {
            assertThat(GenericPlans.sequentiallyScanned(plans.plan(StoreSql.APPENDS_PER_MINUTE))).contains("events");
            assertThat(plans.plan(StoreSql.APPENDS_PER_MINUTE, StoreSql.INDEX_SCANS_ONLY))
                    .contains("Bitmap Index Scan on events_recorded_at");
        }
    }

    private static void everyPlanUsesIndexes(GenericPlans plans, String tables) throws SQLException {
        Map<String, String> statements = GenericPlans.statementsOf(StoreSql.class);
        assertThat(statements).containsKeys("SELECT_STORED", "READ_FORWARD", "READ_ALL", "APPENDS_PER_MINUTE");
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            String plan = statement.getKey().equals("APPENDS_PER_MINUTE")
                    ? plans.plan(statement.getValue(), StoreSql.INDEX_SCANS_ONLY)
                    : plans.plan(statement.getValue());
            assertThat(GenericPlans.sequentiallyScanned(plan))
                    .as("%s reads a growing table whole (tables: %s):%n%s", statement.getKey(), tables, plan)
                    .doesNotContainAnyElementsOf(GROWING);
        }
    }
}
