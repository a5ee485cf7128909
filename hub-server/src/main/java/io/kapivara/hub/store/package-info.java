/**
 * The event store: append-only streams of events, guarded by expected versions, idempotent by event
 * id, readable by stream, in global order and by id.
 *
 * <p>This package holds the domain and its ports. It knows nothing of HTTP, JDBC or JSON libraries;
 * JSON arrives here as already validated text ({@link io.kapivara.hub.store.JsonText}).
 */
@NullMarked
package io.kapivara.hub.store;

import org.jspecify.annotations.NullMarked;
