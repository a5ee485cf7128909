package io.kapivara.hub.shared.jdbc;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import io.kapivara.hub.shared.UnavailableException;

/**
 * Turns the database failures a caller may retry (no connection, pool exhausted, a restart, a
 * timeout, a serialization failure, a commit or rollback cut off) into {@link UnavailableException}.
 * Anything else passes through as it is: it is a bug or a broken schema, not a passing fault.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (CannotCreateTransactionException | TransactionSystemException
                 | DataAccessResourceFailureException | TransientDataAccessException e) {
            throw new UnavailableException("Database unavailable: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

}
