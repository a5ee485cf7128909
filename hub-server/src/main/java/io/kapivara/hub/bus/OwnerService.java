package io.kapivara.hub.bus;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.StoreLimits;

/** Creates owners and changes how they read. */
public final class OwnerService {

    private final BusStore store;
    private final StoreLimits names;

    public OwnerService(BusStore store, StoreLimits names) {
        this.store = store;
        this.names = names;
    }

    /** Whether {@link #put} created the owner or changed an existing one. */
    public record Put(Owner owner, boolean created) {
    }

    /**
     * Creates the owner, or changes its filter. {@code startFrom} takes effect only at creation:
     * an existing owner keeps its checkpoints (an operator's seek moves them).
     */
    public Put put(String owner, @Nullable StartFrom startFrom, @Nullable EventFilter filter) {
        names.checkName("owner", owner);
        if (filter != null) {
            checkEntries("filter.types", filter.types());
            checkEntries("filter.categories", filter.categories());
        }
        return store.inTransaction(tx -> {
            boolean existed = tx.lockOwner(owner).isPresent();
            if (!existed) {
                tx.createOwner(owner, startFrom == null ? StartFrom.EARLIEST : startFrom,
                        filter == null ? EventFilter.ALL : filter);
            } else if (filter != null) {
                tx.updateFilter(owner, filter);
            }
            return new Put(tx.lockOwner(owner).orElseThrow(), !existed);
        });
    }

    private void checkEntries(String field, List<String> entries) {
        if (entries.size() > EventFilter.MAX_ENTRIES) {
            throw new InvalidRequestException(field, entries.size(), "A filter lists at most %d types and %d categories"
                    .formatted(EventFilter.MAX_ENTRIES, EventFilter.MAX_ENTRIES));
        }
        for (int i = 0; i < entries.size(); i++) {
            names.checkName(field + "[" + i + "]", entries.get(i));
        }
    }
}
