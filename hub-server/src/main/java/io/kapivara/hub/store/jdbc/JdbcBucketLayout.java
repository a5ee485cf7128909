package io.kapivara.hub.store.jdbc;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.kapivara.hub.store.BucketCountMismatchException;
import io.kapivara.hub.store.BucketLayout;

/** Stores the bucket count at the first start and creates the bucket rows. */
final class JdbcBucketLayout implements BucketLayout {

    private static final Logger log = LoggerFactory.getLogger(JdbcBucketLayout.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcBucketLayout(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public int establish(@Nullable Integer requested, int defaultCount) {
        Integer count = transactions.execute(status -> {
            jdbc.execute(StoreSql.LOCK_SETTINGS);
            Integer stored = jdbc.query(StoreSql.SELECT_BUCKET_COUNT,
                    rs -> rs.next() ? Integer.valueOf(rs.getString(1)) : null);
            if (stored != null) {
                if (requested != null && !requested.equals(stored)) {
                    throw new BucketCountMismatchException(stored, requested);
                }
                return stored;
            }
            int chosen = requested != null ? requested : defaultCount;
            jdbc.update(StoreSql.INSERT_BUCKET_COUNT, Integer.toString(chosen));
            jdbc.update(StoreSql.CREATE_BUCKETS, chosen);
            log.info("Buckets created: count [{}]", chosen);
            return chosen;
        });
        return count;
    }
}
