/**
 * Wake-ups across nodes: one connection per node listens to the {@code hub_appends} channel that
 * every append transaction notifies on commit, and wakes the fetches waiting for those buckets.
 * Waiting fetches hold no database connection.
 */
@NullMarked
package io.kapivara.hub.bus.notify;

import org.jspecify.annotations.NullMarked;
