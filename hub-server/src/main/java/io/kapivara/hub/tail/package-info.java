/**
 * The live tail: one reader per node follows the store by global position, woken by the same
 * append notifications the bus uses, and hands each new event to every browser whose filter wants
 * it, over the WebSocket {@code /ws/tail}. Each browser has a bounded queue; what does not fit is
 * dropped and counted, so a slow or stalled browser costs the hub a fixed amount of memory.
 */
@NullMarked
package io.kapivara.hub.tail;

import org.jspecify.annotations.NullMarked;
