/**
 * Ingestion: driving adapters that turn deliveries from outside systems (GitHub webhooks,
 * CloudEvents) into appends to the store. This package holds what they share; each source has a
 * package of its own.
 */
@NullMarked
package io.kapivara.hub.ingest;

import org.jspecify.annotations.NullMarked;
