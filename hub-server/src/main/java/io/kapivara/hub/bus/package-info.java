/**
 * The event bus: owners (consuming applications) read the store bucket by bucket. Each running
 * node of an owner subscribes with a key and gets exclusive, expiring leases on some buckets,
 * fenced by epochs; it fetches events, handles them and commits its checkpoint.
 *
 * <p>This package holds the domain and its ports; it knows nothing of HTTP, JDBC or JSON.
 */
@NullMarked
package io.kapivara.hub.bus;

import org.jspecify.annotations.NullMarked;
