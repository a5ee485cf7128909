/**
 * GitHub webhooks: {@code POST /api/ingest/github} takes deliveries as GitHub sends them, checks
 * their signature when a secret is set, and appends each as one event. The mapping is documented in
 * docs/ingest.md.
 */
@NullMarked
package io.kapivara.hub.ingest.github;

import org.jspecify.annotations.NullMarked;
