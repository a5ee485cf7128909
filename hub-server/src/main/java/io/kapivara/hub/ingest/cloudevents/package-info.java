/**
 * CloudEvents 1.0 over HTTP: {@code POST /api/ingest/cloudevents} takes events in structured, batch
 * and binary mode and appends them, one event per CloudEvent. The mapping is documented in
 * docs/ingest.md.
 */
@NullMarked
package io.kapivara.hub.ingest.cloudevents;

import org.jspecify.annotations.NullMarked;
