/**
 * The consumer runtime: {@link io.kapivara.hub.client.consumer.HubConsumer} runs one node of an
 * owner on the event bus, handing events to an application's
 * {@link io.kapivara.hub.client.consumer.EventHandler} in order within each bucket and committing
 * what was handled. No framework needed.
 */
@NullMarked
package io.kapivara.hub.client.consumer;

import org.jspecify.annotations.NullMarked;
