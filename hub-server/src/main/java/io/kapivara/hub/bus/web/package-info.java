/** The HTTP adapter of the bus: owners, subscriptions, fetch, commit, buckets, operator actions. */
@NullMarked
package io.kapivara.hub.bus.web;

import org.jspecify.annotations.NullMarked;
