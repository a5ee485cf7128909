package io.kapivara.hub.client;

import org.jspecify.annotations.Nullable;

/**
 * Which page of the audit log to read: newest first, optionally of one owner, before an entry id.
 * Setters return this object; a call reads the query when it starts.
 */
public final class AuditQuery {

    /** The page size when none is set; the hub's own default. */
    public static final int DEFAULT_LIMIT = 100;

    private @Nullable String owner;
    private @Nullable Long before;
    private int limit = DEFAULT_LIMIT;

    private AuditQuery() {
    }

    /** The newest {@value #DEFAULT_LIMIT} entries of every owner. */
    public static AuditQuery newest() {
        return new AuditQuery();
    }

    /** Only the actions on this owner; every owner's when null. */
    public AuditQuery owner(@Nullable String owner) {
        this.owner = owner;
        return this;
    }

    /**
     * Only entries older than this id: pass a page's {@link io.kapivara.hub.client.model.AuditPage#next()}
     * to read the page after it. The newest entries when null.
     */
    public AuditQuery before(@Nullable Long before) {
        this.before = before;
        return this;
    }

    /**
     * The most entries one page holds. The hub refuses a limit above its maximum (1000) with
     * {@link InvalidRequestException}.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public AuditQuery limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is 1 or more: limit [%d]".formatted(limit));
        }
        this.limit = limit;
        return this;
    }

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable Long before() {
        return before;
    }

    public int limit() {
        return limit;
    }
}
