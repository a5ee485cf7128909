package io.kapivara.hub.bus;


import org.jspecify.annotations.Nullable;

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
            filter.types().forEach(type -> names.checkName("filter.types", type));
            filter.categories().forEach(category -> names.checkName("filter.categories", category));
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
}
