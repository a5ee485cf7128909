/**
 * The Java client of Kapivara EventHub: a plain library over the hub's HTTP API, and a consumer
 * runtime for applications that read the event bus.
 */
@NullMarked
package io.kapivara.hub.client;

import org.jspecify.annotations.NullMarked;
