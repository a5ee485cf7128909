package io.kapivara.hub.client;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.Filter;
import io.kapivara.hub.client.model.OwnerRequest;

/**
 * How an owner is created or changed by {@link HubClient#putOwner(String, OwnerOptions)}: where it
 * starts and which events it wants. Setters return this object; a call reads the options when it
 * starts.
 */
public final class OwnerOptions {

    private @Nullable StartFrom startFrom;
    private @Nullable List<String> types;
    private @Nullable List<String> categories;

    private OwnerOptions() {
    }

    /** Options that leave everything as the hub has it, or at its defaults for a new owner. */
    public static OwnerOptions defaults() {
        return new OwnerOptions();
    }

    /**
     * Where a new owner starts; the hub's default, {@link StartFrom#EARLIEST}, unless set. An
     * existing owner keeps where it started.
     */
    public OwnerOptions startFrom(StartFrom startFrom) {
        this.startFrom = Objects.requireNonNull(startFrom, "startFrom");
        return this;
    }

    /**
     * Only events of these types; every type when empty. Unless this or
     * {@link #categories(List)} is set, a call leaves the owner's filter as it is.
     */
    public OwnerOptions types(List<String> types) {
        this.types = List.copyOf(types);
        return this;
    }

    /**
     * Only events of streams in these categories (a stream name up to its first {@code -});
     * every category when empty.
     */
    public OwnerOptions categories(List<String> categories) {
        this.categories = List.copyOf(categories);
        return this;
    }

    public @Nullable StartFrom startFrom() {
        return startFrom;
    }

    public @Nullable List<String> types() {
        return types;
    }

    public @Nullable List<String> categories() {
        return categories;
    }

    OwnerRequest toRequest() {
        Filter filter = types == null && categories == null ? null : new Filter(types, categories);
        return new OwnerRequest(startFrom == null ? null : startFrom.wire(), filter);
    }
}
